package io.polymart.cart;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the fields of cart requests. The bodies from the gateway were checked against their schemas
 * ({@code schemas/json/cart-item-*.json}); those of the service calls between verticles were not, so their fields
 * are checked here, failing with a 400 that names the field.
 */
final class CartInput {
  static final int MAX_SKU_IDS = 100;

  private CartInput() {
  }

  /** A SKU id in its canonical form (the cart's hash field), or a 400. */
  static String skuId(Object value, String field) {
    String canonical = canonicalSkuId(value);
    if (canonical == null) {
      throw ServiceException.invalidField(field, "must be a SKU id");
    }
    return canonical;
  }

  /** The canonical form of a SKU id, or null when the value cannot be one. */
  static String canonicalSkuId(Object value) {
    if (value instanceof String text) {
      try {
        return UUID.fromString(text).toString();
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * A quantity as the cart reads it. The contract checks that it is a whole number from 1 up (its upper limit from
   * conf is the cart's rule, a 422, checked by the service); JSON Schema also counts {@code 2.0} as a whole number,
   * so that it is written without a fraction is the one rule left here.
   */
  static long quantity(Object value, String field) {
    if (!(value instanceof Integer || value instanceof Long)) {
      throw ServiceException.invalidField(field, "must be a whole number");
    }
    return ((Number) value).longValue();
  }

  static String guestToken(Object value) {
    if (!(value instanceof String token) || !GuestTokens.wellFormed(token)) {
      throw ServiceException.invalidField("guestToken", "must be a cart token issued by this shop");
    }
    return token;
  }

  static List<String> skuIds(Object value) {
    if (!(value instanceof JsonArray array) || array.size() > MAX_SKU_IDS) {
      throw ServiceException.invalidField("skuIds", "must list up to " + MAX_SKU_IDS + " SKU ids");
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      ids.add(skuId(array.getValue(i), "skuIds[" + i + "]"));
    }
    return ids;
  }
}
