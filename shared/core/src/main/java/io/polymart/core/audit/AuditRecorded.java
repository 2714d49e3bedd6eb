package io.polymart.core.audit;

import io.polymart.core.outbox.OutboxEvent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The {@code AuditRecorded} event on {@code polymart.audit} ({@code schemas/events/polymart.audit.json}): one
 * administrative or seller change, written by the verticle that owns the data with the change itself and kept by the
 * users verticle in {@code users.audit_log}. Keyed by the target, so each target's entries stay in order.
 *
 * <p>{@code action} is {@code <aggregate>.<verb>} ({@code product.publish}), {@code target} is {@code <kind>:<id>}
 * ({@code product:<uuid>}); the old and new values hold the fields that changed, null where there is no before (a
 * creation) or after (a deletion).
 */
public final class AuditRecorded {
  public static final String TOPIC = "polymart.audit";
  public static final String TYPE = "AuditRecorded";

  private AuditRecorded() {
  }

  /** The event for a PostgreSQL outbox, which gives it its id and time. */
  public static OutboxEvent event(AuditActor actor, String action, String target, JsonObject oldValue,
      JsonObject newValue) {
    return new OutboxEvent(TOPIC, target, TYPE, data(actor, action, target, oldValue, newValue));
  }

  /**
   * The whole event, with a new id and the time now, for a writer without a PostgreSQL outbox: a store that is its own
   * outbox (the reviews' MongoDB documents) or a change with no transaction at all (a run-time scaling).
   */
  public static JsonObject envelope(AuditActor actor, String action, String target, JsonObject oldValue,
      JsonObject newValue) {
    return new JsonObject().put("type", TYPE).put("id", UUID.randomUUID().toString())
        .put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()).put("aggregateId", target)
        .put("data", data(actor, action, target, oldValue, newValue));
  }

  private static JsonObject data(AuditActor actor, String action, String target, JsonObject oldValue,
      JsonObject newValue) {
    return new JsonObject().put("actorId", actor.userId().toString()).put("action", action).put("target", target)
        .put("oldValue", oldValue).put("newValue", newValue).put("clientIp", actor.clientIp())
        .put("requestId", actor.requestId());
  }
}
