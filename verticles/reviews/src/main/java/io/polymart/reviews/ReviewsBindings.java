package io.polymart.reviews;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.BusServer;
import io.polymart.core.error.ServiceException;

import java.util.UUID;

import static io.polymart.core.bus.Addresses.REVIEWS_PURCHASES_LIST;

/** The reviews verticle's addresses: each request's envelope read into the typed arguments of its service. */
final class ReviewsBindings {
  private final PurchaseService purchases;

  ReviewsBindings(PurchaseService purchases) {
    this.purchases = purchases;
  }

  BusServer bind(BusServer server) {
    return server.handle(REVIEWS_PURCHASES_LIST, request -> purchases.list(userId(request)));
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
