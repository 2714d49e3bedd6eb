package io.polymart.users;

import io.polymart.core.events.ParkedEvent;
import io.polymart.core.events.ParkedEvents;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;

/** {@link ParkedEvents} in {@code users.parked_events}, one row per parked record (parked again: replaced). */
final class ParkedEventsTable implements ParkedEvents {
  private static final String PARK = """
      INSERT INTO users.parked_events (consumer_group, topic, partition_no, record_offset, record_key, record_value,
        event_id, event_type, error, attempts, parked_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      ON CONFLICT (consumer_group, topic, partition_no, record_offset) DO UPDATE SET error = EXCLUDED.error,
        attempts = EXCLUDED.attempts, parked_at = EXCLUDED.parked_at""";
  private final SqlClient pool;

  ParkedEventsTable(SqlClient pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> park(ParkedEvent event) {
    return pool.preparedQuery(PARK).execute(Tuple.from(new Object[] {event.group(), event.topic(), event.partition(),
            event.offset(), event.key(), event.value(), event.eventId(), event.type(), event.error(), event.attempts(),
            event.parkedAt().atOffset(ZoneOffset.UTC)}))
        .mapEmpty();
  }
}
