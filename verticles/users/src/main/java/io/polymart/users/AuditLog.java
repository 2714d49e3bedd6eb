package io.polymart.users;

import io.polymart.core.bus.Paging;
import io.polymart.core.db.SqlSupport;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code users.audit_log}: appends the users verticle's own entries in the caller's transaction, keeps the other
 * verticles' ones from their events ({@link AuditEvents}), searches with every criterion a parameter.
 */
final class AuditLog {
  private static final String APPEND = """
      INSERT INTO users.audit_log (actor_id, action, target, old_value, new_value, client_ip, request_id)
      VALUES ($1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6, $7)""";
  private static final String RECORD = """
      INSERT INTO users.audit_log (event_id, at, actor_id, action, target, old_value, new_value, client_ip, request_id)
      VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8, $9)
      ON CONFLICT (event_id) DO NOTHING""";
  private static final String FILTER = """
      WHERE ($1::uuid IS NULL OR actor_id = $1) AND ($2::text IS NULL OR action = $2)
        AND ($3::text IS NULL OR target = $3) AND ($4::timestamptz IS NULL OR at >= $4)
        AND ($5::timestamptz IS NULL OR at < $5)""";
  /** The page with the number of all matching entries, counted in the same snapshot as the page was read. */
  private static final String PAGE = """
      SELECT id, at, actor_id, action, target, old_value, new_value, client_ip, request_id, count(*) OVER () AS total
      FROM users.audit_log %s ORDER BY at DESC, id DESC LIMIT $6 OFFSET $7""".formatted(FILTER);
  /** Only for a page past the last one, which has no row to carry the total. */
  private static final String COUNT = "SELECT count(*) FROM users.audit_log " + FILTER;

  /** Appends the entries, in order, with one batched statement in the caller's transaction. */
  Future<Void> append(SqlClient tx, List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(APPEND).executeBatch(entries.stream().map(entry -> Tuple.of(entry.actorId(),
            entry.action(), entry.target(), jsonText(entry.oldValue()), jsonText(entry.newValue()), entry.clientIp(),
            entry.requestId())).toList())
        .mapEmpty();
  }

  /** Keeps another verticle's entry, made at {@code at}, once: a second call with the same event id does nothing. */
  Future<Void> record(SqlClient sql, UUID eventId, Instant at, AuditEntry entry) {
    return sql.preparedQuery(RECORD).execute(Tuple.from(new Object[] {eventId, at.atOffset(ZoneOffset.UTC),
            entry.actorId(), entry.action(), entry.target(), jsonText(entry.oldValue()), jsonText(entry.newValue()),
            entry.clientIp(), entry.requestId()}))
        .mapEmpty();
  }

  /** Any JSON value (a list of roles, a status) as JSON text, cast to JSONB by the statement. */
  private static String jsonText(Object value) {
    return value == null ? null : Json.encode(value);
  }

  Future<JsonObject> search(SqlClient sql, AuditQuery query) {
    List<Object> criteria = Arrays.asList(query.actor(), query.action(), query.target(), query.from(), query.to());
    Paging paging = new Paging(query.page(), query.size());
    return sql.preparedQuery(PAGE)
        .execute(Tuple.from(criteria).addInteger(paging.size()).addLong((long) paging.offset()))
        .compose(rows -> SqlSupport.countedPage(rows, paging, AuditLog::json,
            () -> SqlSupport.count(sql, COUNT, Tuple.from(criteria))));
  }

  private static JsonObject json(Row row) {
    return new JsonObject().put("id", row.getLong("id"))
        .put("at", row.getOffsetDateTime("at").withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString())
        .put("actorId", row.getUUID("actor_id").toString()).put("action", row.getString("action"))
        .put("target", row.getString("target")).put("oldValue", row.getValue("old_value"))
        .put("newValue", row.getValue("new_value")).put("clientIp", row.getString("client_ip"))
        .put("requestId", row.getString("request_id"));
  }
}
