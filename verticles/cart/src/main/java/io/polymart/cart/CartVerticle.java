package io.polymart.cart;

import io.polymart.core.bus.BusServer;
import io.polymart.core.client.BusClient;
import io.polymart.core.client.SkuLookupClient;
import io.polymart.core.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.RedisAPI;

import static io.polymart.core.bus.Addresses.*;

/** Wires the cart service to its event-bus addresses. */
public final class CartVerticle extends VerticleBase {
  private RedisAPI redis;

  @Override
  public Future<?> start() {
    CartSettings settings = CartSettings.from(config());
    redis = RedisClients.api(vertx, config());
    CartStore store = new CartStore(redis, settings);
    CartService cart = new CartService(store, new CartOwners(store, new GuestTokens()),
        new SkuCatalog(new SkuLookupClient(BusClient.create(vertx, config()))), new CartView(settings.currency()), new CartEvents(vertx.eventBus()), settings);
    return new BusServer(vertx)
        .handle(CART_GET, cart::get)
        .handleReply(CART_ITEM_ADD, cart::add)
        .handle(CART_ITEM_UPDATE, cart::update)
        .handle(CART_ITEM_REMOVE, cart::remove)
        .handle(CART_CLEAR, cart::clear)
        .handle(CART_MERGE, cart::merge)
        .handle(CART_SELECTED, cart::selected)
        .handle(CART_REMOVE_LINES, cart::removeLines)
        .ready();
  }

  @Override
  public Future<?> stop() {
    if (redis != null) {
      redis.close();
    }
    return Future.succeededFuture();
  }
}
