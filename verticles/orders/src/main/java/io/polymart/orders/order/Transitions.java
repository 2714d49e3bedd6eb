package io.polymart.orders.order;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Applies one state-machine move to a locked order: the row, its history entry, the outbox event, the live update,
 * and a staff move's audit entry.
 */
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
      if (actor.audit() != null && action.auditAction() != null) {
        change.audit(actor.audit(), action.auditAction(), "order:" + order.id(),
            new JsonObject().put("status", order.status().name()),
            new JsonObject().put("status", to.name()).put("shipment", shipment)
                .put("refund", refund == null ? null : refund.getString("status")));
      }
      change.notifyUser(order.userId().toString(), OrderEvents.statusChange(order.id(), order.number(),
          order.status(), to));
    });
  }
}
