package io.polymart.main.node;

import io.polymart.cart.CartVerticle;
import io.polymart.catalog.CatalogVerticle;
import io.polymart.gateway.GatewayVerticle;
import io.polymart.orders.OrdersVerticle;
import io.polymart.recommendations.RecommendationsVerticle;
import io.polymart.reviews.ReviewsVerticle;
import io.polymart.storefront.StorefrontVerticle;
import io.polymart.users.UsersVerticle;
import io.vertx.core.Deployable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The verticles a node can run, by their name in conf ({@code verticles.<name>}), domain verticles first and the
 * gateway last: it opens the port once the others answer, and closes it first.
 */
final class NodeVerticles {
  static final String GATEWAY = "gateway";
  static final Map<String, Supplier<Deployable>> DOMAIN = domain();

  private NodeVerticles() {
  }

  private static Map<String, Supplier<Deployable>> domain() {
    Map<String, Supplier<Deployable>> verticles = new LinkedHashMap<>();
    verticles.put("users", UsersVerticle::new);
    verticles.put("catalog", CatalogVerticle::new);
    verticles.put("cart", CartVerticle::new);
    verticles.put("orders", OrdersVerticle::new);
    verticles.put("reviews", ReviewsVerticle::new);
    verticles.put("recommendations", RecommendationsVerticle::new);
    verticles.put("storefront", StorefrontVerticle::new);
    return Collections.unmodifiableMap(verticles);
  }

  static Supplier<Deployable> of(String name) {
    return GATEWAY.equals(name) ? GatewayVerticle::new : DOMAIN.get(name);
  }
}
