package io.polymart.cart;

import io.polymart.core.events.ActivityPublisher;

/**
 * Publishes {@code CartItemAdded} after a successful add: for a signed-in user by user id, for a guest by the visitor
 * id they sent. A guest without one publishes nothing: the cart token is a secret that opens the cart, never put on a
 * topic.
 */
final class CartActivity {
  private final ActivityPublisher activity;

  CartActivity(ActivityPublisher activity) {
    this.activity = activity;
  }

  void added(CartOwner owner, String visitorId, SkuFacts sku, int quantity) {
    if (!owner.isUser() && visitorId == null) {
      return;
    }
    String userId = owner.isUser() ? owner.userId() : null;
    activity.publish("CartItemAdded", sku.productId(), userId != null ? userId : visitorId, "productId",
        sku.productId(), "skuId", sku.skuId(), "quantity", quantity, "userId", userId, "visitorId",
        userId != null ? null : visitorId);
  }
}
