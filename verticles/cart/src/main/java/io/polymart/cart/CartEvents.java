package io.polymart.cart;

import io.polymart.core.bus.Addresses;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/** Tells a signed-in user's open pages, on any node, that their cart changed. Guests get no events. */
final class CartEvents {
  private final EventBus bus;

  CartEvents(EventBus bus) {
    this.bus = bus;
  }

  void changed(CartOwner owner, Cart cart) {
    if (owner.isUser()) {
      bus.publish(Addresses.userEvents(owner.userId()), new JsonObject().put("type", "cart.changed")
          .put("lineCount", cart.lineCount()).put("selectedQuantity", cart.selectedQuantity()));
    }
  }
}
