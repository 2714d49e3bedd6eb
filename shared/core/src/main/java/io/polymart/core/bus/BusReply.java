package io.polymart.core.bus;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * A reply body with delivery headers the gateway turns into HTTP response headers (for example
 * {@code etag} and {@code x-cache}). The body is a JSON object, or JSON already encoded ({@link #encoded}).
 *
 * <p>A caller that takes encoded JSON ({@link BusHeaders#TAKES_ENCODED_JSON}, the gateway) gets every body as bytes:
 * it only writes them out, and bytes cross the event bus without the deep copy a local {@code JsonObject} gets.
 */
public record BusReply(JsonObject body, Buffer encodedBody, Map<String, String> headers) {
  public static final String ETAG = "etag";
  public static final String X_CACHE = "x-cache";
  /** A new guest cart's token, sent back as the {@code X-Cart-Token} response header. */
  public static final String CART_TOKEN = "x-cart-token";

  public BusReply(JsonObject body, Map<String, String> headers) {
    this(body, null, headers);
  }

  public static BusReply of(JsonObject body) {
    return new BusReply(body, Map.of());
  }

  /**
   * A reply whose body is these bytes of a JSON object (a cached page), sent as they are to a caller that takes
   * encoded JSON ({@link BusHeaders#TAKES_ENCODED_JSON}, the gateway): nothing parses, copies or encodes it again.
   * Every other caller gets the JSON object.
   */
  public static BusReply encoded(Buffer json, Map<String, String> headers) {
    return new BusReply(null, json, headers);
  }

  /** The body to send to a caller whose request had {@code requestHeaders}. */
  Object bodyFor(MultiMap requestHeaders) {
    boolean takesEncoded = requestHeaders.contains(BusHeaders.TAKES_ENCODED_JSON);
    if (encodedBody == null) {
      return takesEncoded && body != null ? body.toBuffer() : body;
    }
    return takesEncoded ? encodedBody : new JsonObject(encodedBody);
  }
}
