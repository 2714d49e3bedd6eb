package io.polymart.orders.order;

/** Where an order is in its life; {@link OrderAction} says which moves are legal. */
public enum OrderStatus {
  PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, COMPLETED, CANCELLED, REFUND_REQUESTED, REFUNDED
}
