package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/** A product's published reviews and their summary, and the reviews to moderate, as the HTTP contract's bodies. */
public final class ReviewsClient {
  private final BusClient bus;

  public ReviewsClient(BusClient bus) {
    this.bus = bus;
  }

  /** {@code getProductReviewSummary}: count, average, histogram. */
  public Future<JsonObject> summary(String productId) {
    return bus.send(Addresses.REVIEWS_SUMMARY, new JsonObject().put("id", productId), new JsonObject(),
        new JsonObject(), BusCaller.NONE).map(Message::body);
  }

  /** {@code listProductReviews}: {@code query} holds its query parameters (sort, rating, page, size...). */
  public Future<JsonObject> list(String productId, JsonObject query) {
    return bus.send(Addresses.REVIEWS_LIST, new JsonObject().put("id", productId), query, new JsonObject(),
        BusCaller.NONE).map(Message::body);
  }

  /** {@code adminListReviews}: a staff member's reviews in {@code status}, newest first. */
  public Future<JsonObject> moderation(BusCaller staff, String status, int size) {
    return bus.send(Addresses.REVIEWS_ADMIN_LIST, new JsonObject(),
        new JsonObject().put("status", status).put("size", Integer.toString(size)), new JsonObject(), staff)
        .map(Message::body);
  }
}
