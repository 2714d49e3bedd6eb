package io.polymart.orders;

import io.polymart.core.bus.BusRequest;

import java.util.UUID;

/** Who moved an order, as recorded in its history: {@code user}, {@code seller}, {@code admin}, {@code system} or {@code payment}. */
record Actor(String kind, UUID id) {
  static final Actor SYSTEM = new Actor("system", null);
  static final Actor PAYMENT = new Actor("payment", null);

  static Actor owner(BusRequest request) {
    return new Actor("user", request.userUuid());
  }

  /** Staff routes are open to sellers and admins; an admin acts as admin even when also a seller. */
  static Actor staff(BusRequest request) {
    return new Actor(request.roles().contains("admin") ? "admin" : "seller", request.userUuid());
  }

  boolean isAdmin() {
    return kind.equals("admin");
  }
}
