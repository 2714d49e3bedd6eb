package io.polymart.core.bus;

import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * A reply body with delivery headers the gateway turns into HTTP response headers (for example
 * {@code etag} and {@code x-cache}).
 */
public record BusReply(JsonObject body, Map<String, String> headers) {
  public static final String ETAG = "etag";
  public static final String X_CACHE = "x-cache";
  /** A new guest cart's token, sent back as the {@code X-Cart-Token} response header. */
  public static final String CART_TOKEN = "x-cart-token";

  public static BusReply of(JsonObject body) {
    return new BusReply(body, Map.of());
  }
}
