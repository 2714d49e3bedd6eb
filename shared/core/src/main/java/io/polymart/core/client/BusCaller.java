package io.polymart.core.client;

import io.polymart.core.bus.BusHeaders;
import io.vertx.core.eventbus.DeliveryOptions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Whom a call is made for: the delivery headers of {@link BusHeaders} the callee reads. */
public final class BusCaller {
  /** A call on nobody's behalf (another verticle asking for itself). */
  public static final BusCaller NONE = new BusCaller(Map.of());
  private final Map<String, String> headers;

  private BusCaller(Map<String, String> headers) {
    this.headers = Map.copyOf(headers);
  }

  public static BusCaller user(String userId) {
    return NONE.with(BusHeaders.USER_ID, userId);
  }

  public static BusCaller user(UUID userId) {
    return user(userId.toString());
  }

  /** A guest known by their visitor id (null: nobody in particular), as the verticles that record activity read it. */
  public static BusCaller visitor(String visitorId) {
    return NONE.with(BusHeaders.VISITOR_ID, visitorId);
  }

  public BusCaller withRoles(Collection<String> roles) {
    return with(BusHeaders.USER_ROLES, String.join(",", roles));
  }

  public BusCaller withCartToken(String cartToken) {
    return with(BusHeaders.CART_TOKEN, cartToken);
  }

  public BusCaller withRequestId(String requestId) {
    return with(BusHeaders.REQUEST_ID, requestId);
  }

  /** This caller with one more delivery header; a null value leaves the header out. */
  public BusCaller with(String header, String value) {
    if (value == null) {
      return this;
    }
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(header, value);
    return new BusCaller(more);
  }

  public Map<String, String> headers() {
    return headers;
  }

  DeliveryOptions options(long timeoutMillis) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMillis);
    headers.forEach(options::addHeader);
    return options;
  }
}
