package io.polymart.gateway;

import io.polymart.core.bus.VisitorIdFormat;
import io.polymart.core.error.ServiceException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * A guest's opaque visitor id, on the operations whose contract declares the {@code X-Visitor-Id} header: the header,
 * else the {@code pm_vid} cookie the storefront sets. Forwarded to the verticle, which publishes activity with it.
 */
final class VisitorIds {
  static final String HEADER = "X-Visitor-Id";
  static final String COOKIE = "pm_vid";

  private VisitorIds() {
  }

  /** The visitor id, or null when none was sent (an empty value counts as none); a malformed one is a 400. */
  static String of(HttpServerRequest request) {
    String header = request.getHeader(HEADER);
    if (header != null && !header.isEmpty()) {
      return checked(HEADER, header);
    }
    Cookie cookie = request.getCookie(COOKIE);
    return cookie == null || cookie.getValue().isEmpty() ? null : checked(COOKIE, cookie.getValue());
  }

  private static String checked(String field, String value) {
    if (!VisitorIdFormat.wellFormed(value)) {
      throw ServiceException.invalidField(field, VisitorIdFormat.FORM);
    }
    return value;
  }
}
