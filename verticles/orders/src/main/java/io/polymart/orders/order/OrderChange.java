package io.polymart.orders.order;

import io.polymart.core.audit.AuditActor;
import io.polymart.core.bus.Addresses;
import io.polymart.core.outbox.Outbox;
import io.polymart.core.outbox.OutboxEvent;
import io.polymart.core.outbox.OutboxTransaction;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

/** One orders transaction: its connection, its events on {@code polymart.orders} and the live updates sent after commit. */
public final class OrderChange {
  static final String TOPIC = "polymart.orders";
  private final OutboxTransaction tx;
  private final EventBus eventBus;

  OrderChange(OutboxTransaction tx, EventBus eventBus) {
    this.tx = tx;
    this.eventBus = eventBus;
  }

  public SqlConnection connection() {
    return tx.connection();
  }

  public void event(String orderId, String type, JsonObject data) {
    tx.event(TOPIC, orderId, type, data);
  }

  /** An event the change's own statement writes: its parameters are {@link Outbox#addRow} of the event answered. */
  OutboxEvent written(String orderId, String type, JsonObject data) {
    OutboxEvent event = new OutboxEvent(TOPIC, orderId, type, data);
    tx.written(event);
    return event;
  }

  /** Records a staff change in the audit trail, with this transaction. */
  public void audit(AuditActor actor, String action, String target, JsonObject oldValue, JsonObject newValue) {
    tx.audit(actor, action, target, oldValue, newValue);
  }

  /** Runs once the transaction has committed (not at all if it rolls back). */
  public void afterCommit(Runnable hook) {
    tx.afterCommit(hook);
  }

  /** Published to the user's live connections (on every node, where the gateway holds the WebSockets) after commit. */
  public void notifyUser(String userId, JsonObject body) {
    tx.afterCommit(() -> eventBus.publish(Addresses.userEvents(userId), body));
  }
}
