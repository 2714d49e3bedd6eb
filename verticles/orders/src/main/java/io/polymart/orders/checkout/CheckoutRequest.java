package io.polymart.orders.checkout;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.polymart.orders.coupon.Coupon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A validated {@code POST /orders}: the idempotency key, the body's fingerprint (to tell a replay from a reused key)
 * and the fields. {@code items} is null when the selected cart lines are to be bought.
 */
public record CheckoutRequest(UUID userId, String idempotencyKey, String fingerprint, UUID addressId, JsonArray items,
    String couponCode, String note) {
  static final int MAX_LINES = 50;
  static final int MAX_QUANTITY = 999;
  private static final int MAX_KEY_LENGTH = 255;
  private static final int MAX_NOTE_LENGTH = 500;

  public static CheckoutRequest from(BusRequest request) {
    String key = request.header(BusHeaders.IDEMPOTENCY_KEY).map(String::trim).orElse("");
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new ServiceException(400, "IDEMPOTENCY_KEY_REQUIRED",
          "Send an Idempotency-Key header of 1 to " + MAX_KEY_LENGTH + " characters", null, null);
    }
    JsonObject body = request.body();
    FieldErrors errors = new FieldErrors();
    UUID addressId = uuid(body.getValue("addressId"));
    errors.check(addressId != null, "addressId", "must be an address id");
    JsonArray items = body.getValue("items") == null ? null : items(errors, body.getValue("items"));
    Object coupon = body.getValue("couponCode");
    errors.check(coupon == null || coupon instanceof String code && Coupon.CODE.matcher(code).matches(),
        "couponCode", "must be a coupon code");
    Object note = body.getValue("note");
    errors.check(note == null || note instanceof String text && text.length() <= MAX_NOTE_LENGTH, "note",
        "must be text of at most " + MAX_NOTE_LENGTH + " characters");
    errors.throwIfAny();
    return new CheckoutRequest(request.userUuid(), key, fingerprint(body), addressId, items, (String) coupon,
        (String) note);
  }

  /**
   * The reservation this request makes in the catalog. Derived from the buyer, key and body, so a concurrent
   * replay reserves the same stock once, and a reused key with another body never touches the first one's stock.
   */
  String reservationId() {
    return "order-" + UUID.nameUUIDFromBytes((userId + "|" + idempotencyKey + "|" + fingerprint)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static JsonArray items(FieldErrors errors, Object value) {
    if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_LINES) {
      errors.add("items", "must list 1 to " + MAX_LINES + " lines");
      return null;
    }
    JsonArray items = new JsonArray();
    for (int i = 0; i < array.size(); i++) {
      JsonObject line = array.getValue(i) instanceof JsonObject object ? object : new JsonObject();
      UUID skuId = uuid(line.getValue("skuId"));
      errors.check(skuId != null, "items[" + i + "].skuId", "must be a SKU id");
      boolean validQuantity = line.getValue("quantity") instanceof Integer quantity && quantity >= 1
          && quantity <= MAX_QUANTITY;
      errors.check(validQuantity, "items[" + i + "].quantity", "must be from 1 to " + MAX_QUANTITY);
      if (skuId != null && validQuantity) {
        items.add(new JsonObject().put("skuId", skuId.toString()).put("quantity", line.getInteger("quantity")));
      }
    }
    return items;
  }

  private static UUID uuid(Object value) {
    try {
      return value instanceof String text ? UUID.fromString(text) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
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
