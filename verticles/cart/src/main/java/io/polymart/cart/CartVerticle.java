package io.polymart.cart;

import io.polymart.core.bus.BusServer;
import io.polymart.core.client.BusClient;
import io.polymart.core.client.SkuLookupClient;
import io.polymart.core.events.ActivityPublisher;
import io.polymart.core.metrics.Meters;
import io.polymart.core.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.RedisAPI;

/** Wires the cart service to its event-bus addresses. */
public final class CartVerticle extends VerticleBase {
  private RedisAPI redis;
  private ActivityPublisher activity;

  @Override
  public Future<?> start() {
    CartSettings settings = CartSettings.from(config());
    redis = RedisClients.api(vertx, config(), "cart");
    CartRepository carts = new CartRepository(redis, settings);
    SkuCatalog catalog = new SkuCatalog(new SkuLookupClient(BusClient.create(vertx, config())));
    activity = ActivityPublisher.acquire(vertx, config().getJsonObject("kafka").getString("bootstrapServers"));
    CartService cart = new CartService(carts, new CartOwners(carts, new GuestTokens()), catalog,
        new CartView(settings.currency()), new CartEvents(vertx.eventBus()), new CartActivity(activity), settings);
    return new CartBindings(cart).bind(new BusServer(vertx, Meters.registry(config()))).ready();
  }

  @Override
  public Future<?> stop() {
    if (redis != null) {
      redis.close();
    }
    return activity == null ? Future.succeededFuture() : activity.release();
  }
}
