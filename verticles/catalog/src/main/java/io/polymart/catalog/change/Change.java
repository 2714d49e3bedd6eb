package io.polymart.catalog.change;

import io.polymart.core.outbox.OutboxTransaction;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** One catalog transaction: its connection, the products it touched and the events it raises. */
public final class Change {
  static final String TOPIC = "polymart.catalog";
  private final OutboxTransaction tx;
  private final Set<UUID> touched = new LinkedHashSet<>();

  Change(OutboxTransaction tx) {
    this.tx = tx;
  }

  public SqlConnection connection() {
    return tx.connection();
  }

  /** The product's cached detail must go once this commits. */
  public Change touch(UUID productId) {
    touched.add(productId);
    return this;
  }

  /** An event keyed by product id (so each product's events stay in order), written with this transaction. */
  public Change event(UUID productId, String type, JsonObject data) {
    touch(productId);
    tx.event(TOPIC, productId.toString(), type, data);
    return this;
  }

  Set<UUID> touched() {
    return touched;
  }
}
