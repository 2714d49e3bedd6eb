package io.polymart.catalog.change;

import io.polymart.core.outbox.OutboxEvent;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One catalog transaction: its connection, the products it touched and the events it raises. */
public final class Change {
  static final String TOPIC = "polymart.catalog";
  private final SqlConnection connection;
  private final Set<UUID> touched = new LinkedHashSet<>();
  private final List<OutboxEvent> events = new ArrayList<>();

  Change(SqlConnection connection) {
    this.connection = connection;
  }

  public SqlConnection connection() {
    return connection;
  }

  /** The product's cached detail must go once this commits. */
  public Change touch(UUID productId) {
    touched.add(productId);
    return this;
  }

  /** An event keyed by product id (so each product's events stay in order), written with this transaction. */
  public Change event(UUID productId, String type, JsonObject data) {
    touch(productId);
    events.add(new OutboxEvent(TOPIC, productId.toString(), type, data));
    return this;
  }

  Set<UUID> touched() {
    return touched;
  }

  List<OutboxEvent> events() {
    return events;
  }
}
