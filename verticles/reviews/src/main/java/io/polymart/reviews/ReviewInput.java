package io.polymart.reviews;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * What a buyer writes: {@code schemas/json/review-create.json} holds the rules the gateway checks; they are checked
 * again here for callers on the bus. Text is kept exactly as written: it is data, never markup.
 */
record ReviewInput(UUID skuId, int rating, String title, String body) {
  static final int TITLE_MAX = 120;
  static final int BODY_MAX = 5000;

  static ReviewInput from(JsonObject json) {
    return new ReviewInput(skuId(json.getValue("skuId")), rating(json.getValue("rating")),
        text(json.getValue("title"), "title", TITLE_MAX, false), text(json.getValue("body"), "body", BODY_MAX, true));
  }

  /** 1 to 5; JSON Schema counts {@code 4.0} as an integer too. */
  static int rating(Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && number.doubleValue() >= 1 && number.doubleValue() <= 5) {
      return number.intValue();
    }
    throw ServiceException.invalidField("rating", "must be a whole number from 1 to 5");
  }

  private static UUID skuId(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString((String) value);
    } catch (ClassCastException | IllegalArgumentException e) {
      throw ServiceException.invalidField("skuId", "must be a UUID");
    }
  }

  static String text(Object value, String field, int max, boolean required) {
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank() || text.codePointCount(0, text.length()) > max) {
      throw ServiceException.invalidField(field, "must be text of 1 to " + max + " characters, not blank");
    }
    return text;
  }
}
