package io.polymart.reviews;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An author's change, {@code schemas/json/review-update.json}: any of rating, title and body (at least one), with
 * the rules of {@link ReviewInput}; null leaves a field as it is.
 */
record ReviewEdit(Integer rating, String title, String body) {
  static ReviewEdit from(JsonObject json) {
    Integer rating = json.getValue("rating") == null ? null : ReviewInput.rating(json.getValue("rating"));
    String title = ReviewInput.text(json.getValue("title"), "title", ReviewInput.TITLE_MAX, false);
    String body = ReviewInput.text(json.getValue("body"), "body", ReviewInput.BODY_MAX, false);
    if (rating == null && title == null && body == null) {
      throw ServiceException.badRequest("Request is invalid", new JsonArray()
          .add(ServiceException.fieldError("body", "give at least one of rating, title and body")));
    }
    return new ReviewEdit(rating, title, body);
  }
}
