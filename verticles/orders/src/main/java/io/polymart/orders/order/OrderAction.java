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
  PAY("pay", EnumSet.of(PENDING_PAYMENT), PAID, "OrderPaid", null),
  CANCEL("cancel", EnumSet.of(PENDING_PAYMENT, PAID), CANCELLED, "OrderCancelled", null),
  SHIP("ship", EnumSet.of(PAID), SHIPPED, "OrderShipped", "order.ship"),
  DELIVER("deliver", EnumSet.of(SHIPPED), DELIVERED, "OrderDelivered", "order.deliver"),
  CONFIRM_RECEIPT("confirm receipt of", EnumSet.of(DELIVERED), COMPLETED, "OrderCompleted", null),
  REQUEST_REFUND("request a refund for", EnumSet.of(PAID, SHIPPED, DELIVERED), REFUND_REQUESTED,
      "OrderRefundRequested", null),
  APPROVE_REFUND("approve a refund for", EnumSet.of(REFUND_REQUESTED), REFUNDED, "OrderRefunded",
      "order.refund.approve"),
  REJECT_REFUND("reject a refund for", EnumSet.of(REFUND_REQUESTED), null, "OrderRefundRejected",
      "order.refund.reject");

  private final String verb;
  private final Set<OrderStatus> from;
  private final OrderStatus to;
  private final String eventType;
  private final String auditAction;

  /** @param auditAction the audit trail's name of a staff action; null for the buyer's and the system's */
  OrderAction(String verb, Set<OrderStatus> from, OrderStatus to, String eventType, String auditAction) {
    this.verb = verb;
    this.from = from;
    this.to = to;
    this.eventType = eventType;
    this.auditAction = auditAction;
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

  /** The audit trail's name of this staff action; null when it is the buyer's or the system's. */
  public String auditAction() {
    return auditAction;
  }
}
