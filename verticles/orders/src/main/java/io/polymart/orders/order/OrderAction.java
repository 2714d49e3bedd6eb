package io.polymart.orders.order;

import io.polymart.core.error.ServiceException;

import java.util.EnumSet;
import java.util.Set;

import static io.polymart.orders.order.OrderStatus.*;

/**
 * The state machine: each action, the statuses it may start from and where it leads. Rejecting a refund leads back
 * to the status the order had when the refund was requested, so its target is decided by the caller.
 */
public enum OrderAction {
  PAY("pay", EnumSet.of(PENDING_PAYMENT), PAID, "OrderPaid"),
  CANCEL("cancel", EnumSet.of(PENDING_PAYMENT, PAID), CANCELLED, "OrderCancelled"),
  SHIP("ship", EnumSet.of(PAID), SHIPPED, "OrderShipped"),
  DELIVER("deliver", EnumSet.of(SHIPPED), DELIVERED, "OrderDelivered"),
  CONFIRM_RECEIPT("confirm receipt of", EnumSet.of(DELIVERED), COMPLETED, "OrderCompleted"),
  REQUEST_REFUND("request a refund for", EnumSet.of(PAID, SHIPPED, DELIVERED), REFUND_REQUESTED,
      "OrderRefundRequested"),
  APPROVE_REFUND("approve a refund for", EnumSet.of(REFUND_REQUESTED), REFUNDED, "OrderRefunded"),
  REJECT_REFUND("reject a refund for", EnumSet.of(REFUND_REQUESTED), null, "OrderRefundRejected");

  private final String verb;
  private final Set<OrderStatus> from;
  private final OrderStatus to;
  private final String eventType;

  OrderAction(String verb, Set<OrderStatus> from, OrderStatus to, String eventType) {
    this.verb = verb;
    this.from = from;
    this.to = to;
    this.eventType = eventType;
  }

  /** The status this action leads to from {@code current}, or a 409 naming both. */
  public OrderStatus check(OrderStatus current) {
    if (!from.contains(current)) {
      throw ServiceException.conflict("INVALID_TRANSITION",
          "Cannot " + verb + " an order that is " + current.name().toLowerCase().replace('_', ' '));
    }
    return to;
  }

  public boolean allowedFrom(OrderStatus current) {
    return from.contains(current);
  }

  public String eventType() {
    return eventType;
  }
}
