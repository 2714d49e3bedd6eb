package io.polymart.reviews;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a buyer writes: {@code schemas/json/review-create.json} holds the rules the gateway checks; they are checked
 * again here for callers on the bus. Text is kept exactly as written: it is data, never markup.
 */
record ReviewInput(UUID skuId, int rating, String title, String body, List<String> images) {
  static final int TITLE_MAX = 120;
  static final int BODY_MAX = 5000;

  static ReviewInput from(JsonObject json) {
    return new ReviewInput(skuId(json.getValue("skuId")), rating(json.getValue("rating")),
        text(json.getValue("title"), "title", TITLE_MAX, false), text(json.getValue("body"), "body", BODY_MAX, true),
        json.getValue("images") == null ? List.of() : images(json.getValue("images")));
  }

  /** Ids of uploaded review images: distinct UUIDs, in the order the review shows them. */
  static List<String> images(Object value) {
    List<String> ids = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        UUID id = item instanceof String text ? uuid(text) : null;
        if (id == null || ids.contains(id.toString())) {
          ids = null;
          break;
        }
        ids.add(id.toString());
      }
    }
    if (!(value instanceof JsonArray) || ids == null) {
      throw ServiceException.invalidField("images", "must be a list of distinct image ids");
    }
    return List.copyOf(ids);
  }

  private static UUID uuid(String text) {
    try {
      UUID id = UUID.fromString(text);
      return id.toString().equalsIgnoreCase(text) ? id : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
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
