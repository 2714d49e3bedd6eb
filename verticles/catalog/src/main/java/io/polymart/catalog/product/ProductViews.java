package io.polymart.catalog.product;

import io.polymart.catalog.cache.ProductPage;
import io.polymart.core.events.ActivityPublisher;

/**
 * Publishes {@code ProductViewed} when a shopper gets an ACTIVE product's page: a signed-in user (by user id), else a
 * guest who sent a visitor id. Pages served to nobody in particular (other verticles' service calls, guests without a
 * visitor id) are not views of anyone.
 */
public final class ProductViews {
  private final ActivityPublisher activity;

  public ProductViews(ActivityPublisher activity) {
    this.activity = activity;
  }

  void viewed(ProductPage page, String userId, String visitorId) {
    if ((userId == null && visitorId == null) || !"ACTIVE".equals(page.status())) {
      return;
    }
    String productId = page.productId();
    // a user's view names the user only, a guest's the visitor
    activity.publish("ProductViewed", productId, userId != null ? userId : visitorId, "productId", productId,
        "userId", userId, "visitorId", userId != null ? null : visitorId);
  }
}
