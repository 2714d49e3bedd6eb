package io.polymart.users;

import io.polymart.core.audit.AuditRecorded;
import io.polymart.core.events.DomainEvent;
import io.polymart.core.events.EventHandler;
import io.polymart.core.events.MalformedEvent;
import io.polymart.core.events.ProcessedEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps the other verticles' {@code AuditRecorded} events ({@code polymart.audit}) in {@code users.audit_log}, at the
 * time of the change ({@code occurredAt}). Idempotent by itself: the entry is keyed by the event id, so an event
 * delivered twice is kept once, and the consumer needs no other memory of what it handled
 * ({@link ProcessedEvents#NONE}). An event whose data lacks what an entry needs is parked at once.
 */
final class AuditEvents implements EventHandler {
  static final String GROUP = "polymart.users";

  private final SqlClient pool;
  private final AuditLog log;

  AuditEvents(SqlClient pool, AuditLog log) {
    this.pool = pool;
    this.log = log;
  }

  @Override
  public Future<Void> handle(DomainEvent event) {
    if (!AuditRecorded.TYPE.equals(event.type())) {
      return Future.succeededFuture();
    }
    return log.record(pool, eventId(event), occurredAt(event), entry(event.data()));
  }

  private static AuditEntry entry(JsonObject data) {
    return new AuditEntry(uuid(data.getValue("actorId"), "actorId"), text(data, "action"), text(data, "target"),
        object(data, "oldValue"), object(data, "newValue"), optionalText(data, "clientIp"),
        optionalText(data, "requestId"));
  }

  private static UUID eventId(DomainEvent event) {
    return uuid(event.id(), "id");
  }

  private static Instant occurredAt(DomainEvent event) {
    if (event.occurredAt() == null) {
      throw new MalformedEvent("no occurredAt");
    }
    return event.occurredAt();
  }

  private static UUID uuid(Object value, String field) {
    try {
      return UUID.fromString((String) value);
    } catch (RuntimeException e) {
      throw new MalformedEvent(field + " is not a UUID: " + value);
    }
  }

  private static String text(JsonObject data, String field) {
    if (!(data.getValue(field) instanceof String text) || text.isBlank()) {
      throw new MalformedEvent("no " + field);
    }
    return text;
  }

  private static String optionalText(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw new MalformedEvent(field + " is not text");
    }
    return (String) value;
  }

  private static JsonObject object(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value != null && !(value instanceof JsonObject)) {
      throw new MalformedEvent(field + " is not an object");
    }
    return (JsonObject) value;
  }
}
