package io.polymart.recommendations;

import io.polymart.core.events.ParkedEvent;
import io.polymart.core.events.ParkedEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;

import java.util.List;

/** Parked events in a Redis list, newest first, keeping the last {@value #KEPT} (bounded like everything else). */
final class RedisParkedEvents implements ParkedEvents {
  static final int KEPT = 1_000;
  private final RedisAPI redis;

  RedisParkedEvents(RedisAPI redis) {
    this.redis = redis;
  }

  @Override
  public Future<Void> park(ParkedEvent event) {
    JsonObject entry = new JsonObject().put("group", event.group()).put("topic", event.topic())
        .put("partition", event.partition()).put("offset", event.offset()).put("key", event.key())
        .put("value", event.value()).put("eventId", event.eventId()).put("type", event.type())
        .put("error", event.error()).put("attempts", event.attempts()).put("parkedAt", event.parkedAt().toString());
    return redis.lpush(List.of(RecsKeys.PARKED, entry.encode()))
        .compose(v -> redis.ltrim(RecsKeys.PARKED, "0", Integer.toString(KEPT - 1))).mapEmpty();
  }
}
