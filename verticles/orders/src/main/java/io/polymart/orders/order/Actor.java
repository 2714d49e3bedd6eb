package io.polymart.orders.order;

import io.polymart.core.audit.AuditActor;

import java.util.UUID;

/**
 * Who moved an order, as recorded in its history: {@code user}, {@code seller}, {@code admin}, {@code system} or
 * {@code payment}; staff moves also carry who made them as the audit trail records them ({@code audit}, else null).
 */
public record Actor(String kind, UUID id, AuditActor audit) {
  public static final Actor SYSTEM = new Actor("system", null);
  public static final Actor PAYMENT = new Actor("payment", null);

  public Actor(String kind, UUID id) {
    this(kind, id, null);
  }

  /** The buyer acting on their own order. */
  public static Actor owner(UUID userId) {
    return new Actor("user", userId);
  }

  /** Staff routes are open to sellers and admins; an admin acts as admin even when also a seller. */
  public static Actor staff(AuditActor who, boolean admin) {
    return new Actor(admin ? "admin" : "seller", who.userId(), who);
  }

  public boolean isAdmin() {
    return kind.equals("admin");
  }
}
