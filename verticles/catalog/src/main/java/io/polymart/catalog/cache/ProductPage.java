package io.polymart.catalog.cache;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A product page as it is served: the JSON bytes, their ETag, and the three fields deciding who may see it and whose
 * view it is, read once when the page is built so that a cache hit parses and hashes nothing.
 */
public record ProductPage(Buffer json, String etag, String productId, String status, String sellerId) {
  public static ProductPage of(String json) {
    JsonObject product = new JsonObject(json);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return new ProductPage(Buffer.buffer(bytes), etag(bytes), product.getString("id"), product.getString("status"),
        product.getString("sellerId"));
  }

  /** A strong validator of these exact bytes: the first 12 bytes of their SHA-256, quoted. */
  static String etag(byte[] json) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
