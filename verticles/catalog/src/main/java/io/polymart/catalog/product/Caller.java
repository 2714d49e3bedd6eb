package io.polymart.catalog.product;

import io.polymart.core.audit.AuditActor;
import io.polymart.core.error.ServiceException;

import java.util.List;
import java.util.UUID;

/**
 * Who sends a request, as the gateway vouches for it: a user id (null when anonymous), roles, and, for the audit
 * trail, the client address and the request id.
 */
public record Caller(String userId, List<String> roles, String clientIp, String requestId) {
  /** A caller that no audit entry will name (reads, the platform's own changes, tests). */
  public Caller(String userId, List<String> roles) {
    this(userId, roles, null, null);
  }

  public boolean isAdmin() {
    return roles.contains("admin");
  }

  public boolean isSeller() {
    return roles.contains("seller");
  }

  /** Selling takes the seller role; admins may do it too. */
  public void requireSeller() {
    if (!isAdmin() && !isSeller()) {
      throw ServiceException.forbidden("This action requires the seller role");
    }
  }

  /** The signed-in caller as the audit trail records them; a 401 when nobody signed in. */
  public AuditActor actor() {
    return new AuditActor(uuid(), clientIp, requestId);
  }

  /** The signed-in caller's id; a 401 when nobody signed in. */
  public UUID uuid() {
    if (userId == null) {
      throw ServiceException.unauthorized("Authentication required");
    }
    return UUID.fromString(userId);
  }
}
