package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** What other verticles ask of a cart: the cart a page shows, checkout's lines, the guest cart merged at sign-in. */
public final class CartClient {
  private final BusClient bus;

  public CartClient(BusClient bus) {
    this.bus = bus;
  }

  /** The cart of {@code owner} (a user, or a guest's cart token) as {@code GET /api/v1/cart} answers it. */
  public Future<JsonObject> cart(BusCaller owner) {
    return bus.request(Addresses.CART_GET, new JsonObject(), owner);
  }

  /** The selected lines of the user's cart, {@code [{skuId, quantity}]}. */
  public Future<JsonArray> selectedCartLines(UUID userId) {
    return bus.request(Addresses.CART_SELECTED, new JsonObject(), BusCaller.user(userId))
        .map(reply -> reply.getJsonArray("items", new JsonArray()));
  }

  /** Purchased lines leave the user's cart. */
  public Future<Void> removeCartLines(UUID userId, JsonArray skuIds) {
    return bus.request(Addresses.CART_REMOVE_LINES, new JsonObject().put("skuIds", skuIds), BusCaller.user(userId))
        .mapEmpty();
  }

  /** The guest cart's lines join the user's cart ({@code user} names the user); the reply is the merged cart. */
  public Future<JsonObject> merge(BusCaller user, String guestToken) {
    return bus.request(Addresses.CART_MERGE, new JsonObject().put("guestToken", guestToken), user);
  }
}
