package io.polymart.users;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import java.util.UUID;

/** The admin behind a request, as the audit trail records them: who, from which address, in which request. */
record ActingAdmin(UUID id, String clientIp, String requestId) {

  static ActingAdmin of(BusRequest request) {
    return new ActingAdmin(request.userUuid(), request.clientIp(), request.header(BusHeaders.REQUEST_ID).orElse(null));
  }

  AuditEntry entry(String action, String target, Object oldValue, Object newValue) {
    return new AuditEntry(id, action, target, oldValue, newValue, clientIp, requestId);
  }
}
