package io.polymart.orders.order;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Applies one state-machine move to a locked order: the row, its history entry, the outbox event, the live update. */
public final class Transitions {
  private final OrderRepository orders;

  public Transitions(OrderRepository orders) {
    this.orders = orders;
  }

  public Future<Void> apply(OrderChange change, LockedOrder order, OrderAction action, Actor actor, String reason) {
    return apply(change, order, action, action.check(order.status()), actor, reason, null, null);
  }

  /** {@code to} is the action's target, except for a rejected refund, which returns to the earlier status. */
  public Future<Void> apply(OrderChange change, LockedOrder order, OrderAction action, OrderStatus to, Actor actor,
      String reason, JsonObject shipment, JsonObject refund) {
    action.check(order.status());
    return orders.move(change.connection(), order, to, actor, reason, shipment, refund).onSuccess(v -> {
      change.event(order.id().toString(), action.eventType(), OrderEvents.transition(order, to, actor, reason));
      change.notifyUser(order.userId().toString(), OrderEvents.statusChange(order.id(), order.number(),
          order.status(), to));
    });
  }
}
