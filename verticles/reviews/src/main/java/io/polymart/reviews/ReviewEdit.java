package io.polymart.reviews;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * An author's change, {@code schemas/json/review-update.json}: any of rating, title, body and images (at least one),
 * with the rules of {@link ReviewInput}; null leaves a field as it is. {@code images} lists the images the review
 * keeps and gains, in order ({@code []} drops them all).
 */
record ReviewEdit(Integer rating, String title, String body, List<String> images) {
  static ReviewEdit from(JsonObject json) {
    Integer rating = json.getValue("rating") == null ? null : ReviewInput.rating(json.getValue("rating"));
    String title = ReviewInput.text(json.getValue("title"), "title", ReviewInput.TITLE_MAX, false);
    String body = ReviewInput.text(json.getValue("body"), "body", ReviewInput.BODY_MAX, false);
    List<String> images = json.getValue("images") == null ? null : ReviewInput.images(json.getValue("images"));
    if (rating == null && title == null && body == null && images == null) {
      throw ServiceException.badRequest("Request is invalid", new JsonArray()
          .add(ServiceException.fieldError("body", "give at least one of rating, title, body and images")));
    }
    return new ReviewEdit(rating, title, body, images);
  }
}
