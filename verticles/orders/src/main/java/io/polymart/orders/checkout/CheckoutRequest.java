package io.polymart.orders.checkout;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A {@code POST /orders}: the idempotency key, the body's fingerprint (to tell a replay from a reused key) and the
 * fields. {@code items} is null when the selected cart lines are to be bought. The body's shape and limits are
 * checked by the contract ({@code schemas/json/order-place.json}) before it is forwarded; only the key, whose
 * absence has its own error code, is checked here.
 */
public record CheckoutRequest(UUID userId, String idempotencyKey, String fingerprint, UUID addressId, JsonArray items,
    String couponCode, String note) {
  private static final int MAX_KEY_LENGTH = 255;

  public static CheckoutRequest from(BusRequest request) {
    String key = request.header(BusHeaders.IDEMPOTENCY_KEY).map(String::trim).orElse("");
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new ServiceException(400, "IDEMPOTENCY_KEY_REQUIRED",
          "Send an Idempotency-Key header of 1 to " + MAX_KEY_LENGTH + " characters", null, null);
    }
    JsonObject body = request.body();
    JsonArray lines = body.getJsonArray("items");
    return new CheckoutRequest(request.userUuid(), key, fingerprint(body), UUID.fromString(body.getString("addressId")),
        lines == null ? null : items(lines), body.getString("couponCode"), body.getString("note"));
  }

  /**
   * The reservation this request makes in the catalog. Derived from the buyer, key and body, so a concurrent
   * replay reserves the same stock once, and a reused key with another body never touches the first one's stock.
   */
  String reservationId() {
    return "order-" + UUID.nameUUIDFromBytes((userId + "|" + idempotencyKey + "|" + fingerprint)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** The lines with their SKU ids in canonical form. */
  private static JsonArray items(JsonArray lines) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < lines.size(); i++) {
      JsonObject line = lines.getJsonObject(i);
      items.add(new JsonObject().put("skuId", UUID.fromString(line.getString("skuId")).toString())
          .put("quantity", line.getInteger("quantity")));
    }
    return items;
  }

  /** SHA-256 over the body with its keys sorted, so key order and whitespace do not make a different request. */
  private static String fingerprint(JsonObject body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical(body).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String canonical(Object value) {
    if (value instanceof JsonObject object) {
      StringBuilder out = new StringBuilder("{");
      object.fieldNames().stream().sorted().forEach(name -> out.append(new JsonArray().add(name).encode())
          .append(':').append(canonical(object.getValue(name))).append(','));
      return out.append('}').toString();
    }
    if (value instanceof JsonArray array) {
      StringBuilder out = new StringBuilder("[");
      array.forEach(item -> out.append(canonical(item)).append(','));
      return out.append(']').toString();
    }
    return new JsonArray().add(value).encode();
  }
}
