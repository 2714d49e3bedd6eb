package io.polymart.orders;

import io.polymart.core.bus.BusServer;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.polymart.core.bus.Addresses.CART_REMOVE_LINES;
import static io.polymart.core.bus.Addresses.CART_SELECTED;

/**
 * Stands in for the cart at {@code cart.selected} (the user's selected lines) and {@code cart.remove-lines}
 * (purchased lines leave the cart), as the cart verticle answers them, recording the removals.
 */
final class CartStub {
  /** One line of a user's cart. */
  private record Line(int quantity, boolean selected) {
  }

  private final Map<String, Map<String, Line>> carts = new ConcurrentHashMap<>();
  private final Map<String, List<String>> removed = new ConcurrentHashMap<>();

  CartStub(Vertx vertx) {
    new BusServer(vertx)
        .handle(CART_SELECTED, request -> {
          JsonArray items = new JsonArray();
          cart(request.userId()).forEach((skuId, line) -> {
            if (line.selected()) {
              items.add(new JsonObject().put("skuId", skuId).put("quantity", line.quantity()));
            }
          });
          return Future.succeededFuture(new JsonObject().put("items", items));
        })
        .handle(CART_REMOVE_LINES, request -> {
          String userId = request.userId();
          request.body().getJsonArray("skuIds").forEach(skuId -> {
            cart(userId).remove((String) skuId);
            removed.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>()).add((String) skuId);
          });
          return Future.succeededFuture(new JsonObject());
        });
  }

  void put(Caller user, String skuId, int quantity, boolean selected) {
    cart(user.userId()).put(skuId, new Line(quantity, selected));
  }

  /** The SKUs left in the user's cart, in the order they were put. */
  List<String> skuIds(Caller user) {
    Map<String, Line> cart = cart(user.userId());
    synchronized (cart) {
      return List.copyOf(cart.keySet());
    }
  }

  /** The SKUs checkout asked to take out of the user's cart. */
  List<String> removed(Caller user) {
    return List.copyOf(removed.getOrDefault(user.userId(), List.of()));
  }

  private Map<String, Line> cart(String userId) {
    return carts.computeIfAbsent(userId, id -> Collections.synchronizedMap(new LinkedHashMap<>()));
  }
}
