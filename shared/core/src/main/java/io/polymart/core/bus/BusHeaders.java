package io.polymart.core.bus;

/** Delivery headers the gateway sets on every request it forwards; verticles trust them. */
public final class BusHeaders {
  public static final String USER_ID = "x-user-id";
  public static final String USER_ROLES = "x-user-roles";
  public static final String SESSION_ID = "x-session-id";
  public static final String CLIENT_IP = "x-client-ip";
  public static final String USER_AGENT = "x-user-agent";
  public static final String REQUEST_ID = "x-request-id";
  /** The guest cart token from the {@code X-Cart-Token} request header. */
  public static final String CART_TOKEN = "x-cart-token";
  /** The guest's opaque visitor id ({@code X-Visitor-Id} header or {@code pm_vid} cookie), checked by the gateway. */
  public static final String VISITOR_ID = "x-visitor-id";
  /** The {@code Idempotency-Key} request header. */
  public static final String IDEMPOTENCY_KEY = "idempotency-key";
  /** Set by a caller that takes a reply body of JSON bytes (a {@code Buffer}) as well as a JSON object. */
  public static final String TAKES_ENCODED_JSON = "x-takes-encoded-json";

  private BusHeaders() {
  }
}
