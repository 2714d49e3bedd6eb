package io.polymart.reviews;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.BusServer;
import io.polymart.core.error.ServiceException;

import java.util.UUID;

import static io.polymart.core.bus.Addresses.REVIEWS_CREATE;
import static io.polymart.core.bus.Addresses.REVIEWS_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_PURCHASES_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_SUMMARY;

/** The reviews verticle's addresses: each request's envelope read into the typed arguments of its service. */
final class ReviewsBindings {
  private final PurchaseService purchases;
  private final ReviewService reviews;

  ReviewsBindings(PurchaseService purchases, ReviewService reviews) {
    this.purchases = purchases;
    this.reviews = reviews;
  }

  BusServer bind(BusServer server) {
    return server.handle(REVIEWS_PURCHASES_LIST, request -> purchases.list(userId(request)))
        .handle(REVIEWS_CREATE, request -> reviews.create(request.userUuid(), productId(request),
            ReviewInput.from(request.body())))
        .handle(REVIEWS_LIST, request -> reviews.list(ReviewQuery.from(request)))
        .handle(REVIEWS_SUMMARY, request -> reviews.summary(productId(request)));
  }

  /**
   * The product id of the path: a value {@link UUID#fromString} would stretch into a UUID (a short group, say) is not
   * the canonical form of any id, so it names no product either (404).
   */
  static UUID productId(BusRequest request) {
    UUID id = request.uuidParam("id", "Product");
    if (!id.toString().equalsIgnoreCase(request.param("id"))) {
      throw ServiceException.notFound("Product not found");
    }
    return id;
  }

  private static UUID userId(BusRequest request) {
    String userId = request.bodyString("userId");
    if (userId == null) {
      throw ServiceException.invalidField("userId", "is required");
    }
    try {
      return UUID.fromString(userId);
    } catch (IllegalArgumentException e) {
      throw ServiceException.invalidField("userId", "must be a UUID");
    }
  }
}
