package io.polymart.cart;

import io.polymart.core.events.ActivityPublisher;
import io.vertx.core.json.JsonObject;

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
    JsonObject data = new JsonObject().put("productId", sku.productId()).put("skuId", sku.skuId())
        .put("quantity", quantity);
    if (owner.isUser()) {
      data.put("userId", owner.userId());
    } else {
      data.put("visitorId", visitorId);
    }
    activity.publish("CartItemAdded", sku.productId(), owner.isUser() ? owner.userId() : visitorId, data);
  }
}
