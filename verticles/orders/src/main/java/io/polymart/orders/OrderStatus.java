package io.polymart.orders;

/** Where an order is in its life; {@link OrderAction} says which moves are legal. */
enum OrderStatus {
  PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, COMPLETED, CANCELLED, REFUND_REQUESTED, REFUNDED
}
