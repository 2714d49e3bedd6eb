package io.polymart.cart;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One line of a cart as stored: a hash field (the SKU id) whose value is this JSON. */
record CartLine(String skuId, int quantity, boolean selected, String addedPrice, String addedAt) {
  /** Fixed width, so that timestamps sort as text (in the store's scripts too). */
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  static CartLine fromJson(String skuId, JsonObject json) {
    return new CartLine(skuId, json.getInteger("quantity"), json.getBoolean("selected"), json.getString("addedPrice"),
        json.getString("addedAt"));
  }

  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }
}
