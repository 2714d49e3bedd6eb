package io.polymart.users;

import java.util.UUID;

/**
 * One administrative action for the audit trail: who ({@code actorId}, from {@code clientIp}, in request
 * {@code requestId}) did {@code action} to {@code target} ({@code user:<id>}), with the value before and after.
 */
record AuditEntry(UUID actorId, String action, String target, Object oldValue, Object newValue, String clientIp,
    String requestId) {

  static String user(UUID id) {
    return "user:" + id;
  }
}
