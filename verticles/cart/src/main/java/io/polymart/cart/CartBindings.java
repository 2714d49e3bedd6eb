package io.polymart.cart;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusReply;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.BusServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Map;

import static io.polymart.core.bus.Addresses.*;

/**
 * The cart's addresses: each request's envelope read into the typed arguments of {@link CartService}. The bodies of
 * the HTTP operations were checked against the contract by the gateway, their only caller.
 */
final class CartBindings {
  private final CartService cart;

  CartBindings(CartService cart) {
    this.cart = cart;
  }

  BusServer bind(BusServer server) {
    return server
        .handleReply(CART_GET, request -> encoded(cart.get(caller(request))))
        .handleReply(CART_ITEM_ADD, request -> {
          JsonObject body = request.body();
          String skuId = CartInput.canonicalSkuId(body.getString("skuId"));
          long quantity = CartInput.quantity(body.getValue("quantity"), "quantity");
          return cart.add(caller(request), skuId, quantity, request.header(BusHeaders.VISITOR_ID).orElse(null));
        })
        .handleReply(CART_ITEM_UPDATE, request -> encoded(update(request)))
        .handleReply(CART_ITEM_REMOVE, request ->
            encoded(cart.remove(caller(request), CartInput.canonicalSkuId(request.param("skuId")))))
        .handle(CART_CLEAR, request -> cart.clear(caller(request)))
        .handleReply(CART_MERGE, request -> {
          String userId = request.userId();
          return encoded(cart.merge(userId, CartInput.guestToken(request.body().getValue("guestToken"))));
        })
        .handle(CART_SELECTED, request -> cart.selected(request.userId()))
        .handle(CART_REMOVE_LINES, request -> {
          String userId = request.userId();
          return cart.removeLines(userId, CartInput.skuIds(request.body().getValue("skuIds")));
        });
  }

  private Future<Buffer> update(BusRequest request) {
    String skuId = request.uuidParam("skuId", "Cart item").toString();
    JsonObject body = request.body();
    Object quantity = body.getValue("quantity");
    return cart.update(caller(request), skuId, quantity == null ? null : CartInput.quantity(quantity, "quantity"),
        body.getBoolean("selected"));
  }

  /** The cart's view as the JSON it is already encoded as (see {@link CartView}). */
  private static Future<BusReply> encoded(Future<Buffer> view) {
    return view.map(json -> BusReply.encoded(json, Map.of()));
  }

  private static CartCaller caller(BusRequest request) {
    return new CartCaller(request.optionalUserId(), request.header(BusHeaders.CART_TOKEN).orElse(null));
  }
}
