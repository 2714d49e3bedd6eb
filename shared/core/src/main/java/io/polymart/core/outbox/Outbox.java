package io.polymart.core.outbox;

import io.polymart.core.tracing.TraceContexts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes events to a verticle's outbox table in the caller's transaction; an {@link OutboxRelay} publishes them to
 * Kafka once committed. Each verticle creates the table in its own schema in a Flyway migration:
 *
 * <pre>{@code
 * CREATE TABLE outbox (
 *   id           BIGSERIAL PRIMARY KEY,
 *   topic        TEXT NOT NULL,
 *   aggregate_id TEXT NOT NULL,
 *   event_id     UUID NOT NULL,
 *   event_type   TEXT NOT NULL,
 *   payload      JSONB NOT NULL,
 *   created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
 *   trace_context TEXT  -- the writer's W3C traceparent when it was traced; the relay sends it as a Kafka header
 * );
 * }</pre>
 *
 * Usage: {@code pool.withTransaction(tx -> change(tx).compose(v -> outbox.append(tx, "polymart.catalog", id,
 * "ProductCreated", data)))}, then {@code relay.wakeUp()} once it has committed.
 *
 * <p>The relay publishes an aggregate's events in {@code id} order, and ids are taken at insert time, not at commit.
 * Append after the statement that locks the aggregate's row (its UPDATE, INSERT or {@code SELECT ... FOR UPDATE}):
 * two transactions on one aggregate then take their ids in the order they commit.
 *
 * <p>Payload (and Kafka value): {@code {"type", "id" (= event_id), "occurredAt" (ISO-8601 UTC), "aggregateId",
 * "data"}}.
 */
public final class Outbox {

  /** The columns an event's {@link #row} fills, in its order. */
  public static final String COLUMNS = "topic, aggregate_id, event_id, event_type, payload, trace_context";
  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

  private final String insert;

  /** @param table the schema-qualified table name, e.g. {@code catalog.outbox} */
  public Outbox(String table) {
    this.insert = "INSERT INTO " + checkTable(table)
        + " (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6)";
  }

  /** Inserts one event in {@code tx}, which the caller commits or rolls back. */
  public Future<Void> append(SqlConnection tx, String topic, String aggregateId, String type, JsonObject data) {
    return tx.preparedQuery(insert).execute(row(new OutboxEvent(topic, aggregateId, type, data))).mapEmpty();
  }

  /** Inserts the events in {@code tx}, in list order, with one batched statement. */
  public Future<Void> appendAll(SqlConnection tx, List<OutboxEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(insert).executeBatch(events.stream().map(Outbox::row).toList()).mapEmpty();
  }

  /**
   * Adds the outbox row of {@code e} to {@code params}, six values in the order of {@link #COLUMNS}, for a statement
   * that writes its change and its event together (see {@link OutboxTransactions#runStatement}).
   */
  public static Tuple addRow(Tuple params, OutboxEvent e) {
    Tuple row = row(e);
    for (int i = 0; i < row.size(); i++) {
      params.addValue(row.getValue(i));
    }
    return params;
  }

  private static Tuple row(OutboxEvent e) {
    JsonObject payload = payload(e);
    return Tuple.of(e.topic(), e.aggregateId(), UUID.fromString(payload.getString("id")), e.type(), payload,
        TraceContexts.traceparent());
  }

  /**
   * The payload of {@code e}, with a new event id, for a statement that completes it from what it writes before it
   * inserts the row itself (its {@code event_id} the payload's {@code id}, its {@code trace_context}
   * {@link TraceContexts#traceparent()}): the catalog's reservation, whose stock levels only its statement knows.
   */
  public static JsonObject payload(OutboxEvent e) {
    return new JsonObject()
        .put("type", e.type())
        .put("id", UUID.randomUUID().toString())
        .put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
        .put("aggregateId", e.aggregateId())
        .put("data", e.data());
  }

  /** Table names are put into SQL text: only plain lower-case identifiers, optionally schema-qualified. */
  static String checkTable(String table) {
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("Not a plain [schema.]table name: " + table);
    }
    return table;
  }
}
