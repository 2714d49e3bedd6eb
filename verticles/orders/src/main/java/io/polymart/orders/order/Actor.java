package io.polymart.orders.order;

import java.util.UUID;

/** Who moved an order, as recorded in its history: {@code user}, {@code seller}, {@code admin}, {@code system} or {@code payment}. */
public record Actor(String kind, UUID id) {
  public static final Actor SYSTEM = new Actor("system", null);
  public static final Actor PAYMENT = new Actor("payment", null);

  /** The buyer acting on their own order. */
  public static Actor owner(UUID userId) {
    return new Actor("user", userId);
  }

  /** Staff routes are open to sellers and admins; an admin acts as admin even when also a seller. */
  public static Actor staff(UUID userId, boolean admin) {
    return new Actor(admin ? "admin" : "seller", userId);
  }

  public boolean isAdmin() {
    return kind.equals("admin");
  }
}
