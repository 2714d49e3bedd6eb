package io.polymart.core.audit;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import java.util.Objects;
import java.util.UUID;

/**
 * Who made an administrative or seller change, as the audit trail records them: the signed-in user, the client
 * address and the request id the gateway put on the bus request ({@link BusHeaders}).
 */
public record AuditActor(UUID userId, String clientIp, String requestId) {

  public AuditActor {
    Objects.requireNonNull(userId, "userId");
  }

  /** The caller of a request; a 401 when nobody signed in. */
  public static AuditActor of(BusRequest request) {
    return new AuditActor(request.userUuid(), request.clientIp(), request.header(BusHeaders.REQUEST_ID).orElse(null));
  }
}
