package io.polymart.users;

import java.util.UUID;

/**
 * One administrative or seller action for the audit trail: who ({@code actorId}, from {@code clientIp}, in request
 * {@code requestId}) did {@code action} to {@code target} ({@code user:<id>} for the users verticle's own, see
 * {@code AuditRecorded} for the others), with the value before and after.
 */
record AuditEntry(UUID actorId, String action, String target, Object oldValue, Object newValue, String clientIp,
    String requestId) {

  static String user(UUID id) {
    return "user:" + id;
  }
}
