package io.polymart.reviews;

import java.util.Set;

/** The statuses of an order as the orders verticle names them on {@code polymart.orders}, and which ones qualify. */
final class OrderStatus {
  /** The status of a new order: OrderPlaced carries no {@code to}. */
  static final String PLACED = "PENDING_PAYMENT";
  /** An order in one of these lets its buyer review its products; refunded or cancelled ones do not. */
  static final Set<String> QUALIFYING = Set.of("DELIVERED", "COMPLETED");

  private OrderStatus() {
  }

  static boolean qualifies(String status) {
    return QUALIFYING.contains(status);
  }
}
