package io.polymart.cart;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.jackson.JacksonCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One line of a cart as stored: a hash field (the SKU id) whose value is this JSON. */
record CartLine(String skuId, int quantity, boolean selected, String addedPrice, String addedAt) {
  /** Fixed width, so that timestamps sort as text (in the store's scripts too). */
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  /** The line stored under {@code skuId}: a stored line is read for every line of every cart answered. */
  static CartLine fromJson(String skuId, String json) {
    int quantity = 0;
    boolean selected = false;
    String addedPrice = null;
    String addedAt = null;
    try (JsonParser parser = JacksonCodec.createParser(json)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "quantity" -> quantity = parser.getIntValue();
          case "selected" -> selected = parser.getBooleanValue();
          case "addedPrice" -> addedPrice = parser.getText();
          case "addedAt" -> addedAt = parser.getText();
          default -> parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable cart line " + skuId, e);
    }
    return new CartLine(skuId, quantity, selected, addedPrice, addedAt);
  }

  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }
}
