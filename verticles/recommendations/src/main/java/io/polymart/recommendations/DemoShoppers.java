package io.polymart.recommendations;

import io.polymart.core.events.ActivityPublisher;
import io.polymart.core.events.DomainEvent;
import io.polymart.recommendations.DemoShopperPlan.Product;
import io.polymart.recommendations.DemoShopperPlan.Visit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Simulates the demo shop's shoppers ({@code recommendations.demo.enabled}, set by {@code --demo}) with the planted
 * tastes of {@link DemoShopperPlan}, so a newcomer sees meaningful bought-together, viewed-together and for-you lists.
 *
 * <p>The demo products are the verticle's own snapshots (learned from {@code polymart.catalog}) whose slug begins with
 * {@code demo-}, read in passes a few seconds apart; whenever they have stopped changing for a few passes, each planned
 * visit goes through what a real shopper's makes: the order is learned by the same code as an {@code OrderPaid} event
 * ({@link ShopperLearning#orderPaid}, under a synthetic order id; nothing is published on {@code polymart.orders},
 * which belongs to the orders verticle), applied by {@link OffsetGuard} once per visit, marked in
 * {@link RecsKeys#DEMO_VISITS} in the same script; only when that applies are the visit's {@code ProductViewed} and
 * {@code CartItemAdded} events published with the {@link ActivityPublisher} for its demo visitor id (at most once, as
 * any activity), and the consumer learns them like any other. It stops once a simulation finds nothing new to do, so
 * products loaded after a pause are simulated too (their category's bundles may then be cut anew), and a restart adds
 * nothing already there. One instance simulates at a time, across nodes (a cluster-wide lock).
 */
final class DemoShoppers {
  private static final Logger LOG = LoggerFactory.getLogger(DemoShoppers.class);
  private static final String LOCK = "polymart.recommendations.demo";
  private static final String DEMO_SLUG_PREFIX = "demo-";
  static final long PASS_INTERVAL_MS = 3_000;
  /** Passes in a row finding the same demo products before the catalog counts as loaded. */
  private static final int STABLE_PASSES = 3;
  /** Passes after which, demo products never settling, the simulation is given up (half an hour). */
  private static final int MAX_PASSES = 600;
  private final Vertx vertx;
  private final RedisAPI redis;
  private final ActivityPublisher activity;
  private final ShopperLearning learning;
  private final OffsetGuard guard;
  private final Clock clock;
  private int passes;
  private int stablePasses;
  private int lastCount = -1;
  private boolean stopped;

  DemoShoppers(Vertx vertx, RedisAPI redis, ActivityPublisher activity, RecommendationsSettings settings, Clock clock) {
    this.vertx = vertx;
    this.redis = redis;
    this.activity = activity;
    this.learning = new ShopperLearning(settings);
    this.guard = new OffsetGuard(redis);
    this.clock = clock;
  }

  /** Starts in the background when no other instance is; the verticle's start does not wait for it. */
  void start() {
    vertx.sharedData().getLockWithTimeout(LOCK, 1_000).onSuccess(lock -> {
      LOG.info("Simulating the demo shop's shoppers once its products are loaded");
      vertx.setTimer(1, t -> pass(lock));
    });
  }

  void stop() {
    stopped = true;
  }

  private void pass(Lock lock) {
    if (stopped || ++passes > MAX_PASSES) {
      lock.release();
      return;
    }
    demoProducts().compose(products -> {
      stablePasses = !products.isEmpty() && products.size() == lastCount ? stablePasses + 1 : 0;
      lastCount = products.size();
      return stablePasses + 1 < STABLE_PASSES ? Future.succeededFuture(-1) : simulate(products);
    }).onComplete(done -> {
      if (done.failed()) {
        LOG.warn("A demo shoppers pass failed, retrying: {}", done.cause().toString());
      } else if (done.result() == 0) {
        LOG.info("Demo shoppers simulated");
        lock.release();
        return;
      } else if (done.result() > 0) {
        LOG.info("Demo shoppers: {} visits simulated", done.result());
        stablePasses = 0;
      }
      vertx.setTimer(PASS_INTERVAL_MS, t -> pass(lock));
    });
  }

  /** The active demo products of the snapshots. */
  Future<List<Product>> demoProducts() {
    return productKeys("0", new ArrayList<>()).compose(keys -> {
      List<Future<Response>> reads = keys.stream()
          .map(key -> redis.hmget(List.of(key, "slug", "categoryId", "status"))).toList();
      return Future.all(reads).map(all -> {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
          Response fields = reads.get(i).result();
          String slug = string(fields.get(0));
          String category = string(fields.get(1));
          if (slug != null && slug.startsWith(DEMO_SLUG_PREFIX) && category != null
              && "ACTIVE".equals(string(fields.get(2)))) {
            products.add(new Product(keys.get(i).substring(RecsKeys.product("").length()), slug, category));
          }
        }
        return products;
      });
    });
  }

  /** Simulates every planned visit not simulated before; completes with how many it simulated now. */
  Future<Integer> simulate(List<Product> products) {
    Map<String, String> categories = new HashMap<>();
    products.forEach(p -> categories.put(p.id(), p.categoryId()));
    Future<Integer> chain = Future.succeededFuture(0);
    for (Visit visit : DemoShopperPlan.visits(products)) {
      chain = chain.compose(n -> stopped ? Future.succeededFuture(n)
          : visit(visit, categories).map(applied -> applied ? n + 1 : n));
    }
    return chain;
  }

  private Future<Boolean> visit(Visit visit, Map<String, String> categories) {
    String orderId = UUID.nameUUIDFromBytes(("polymart-demo-order-" + visit.id()).getBytes(StandardCharsets.UTF_8))
        .toString();
    JsonArray items = new JsonArray();
    visit.bundle().forEach(product -> items.add(new JsonObject().put("productId", product).put("quantity", 1)));
    DomainEvent paid = new DomainEvent("OrderPaid", orderId, clock.instant(), orderId,
        new JsonObject().put("orderId", orderId).put("items", items), "demo", 0, 0);
    return guard.applyOnce(RecsKeys.DEMO_VISITS, visit.id(), learning.orderPaid(paid, visit.bundle(), categories))
        .onSuccess(applied -> {
          if (applied) {
            visit.viewed().forEach(product -> activity.publish("ProductViewed", product, visit.visitorId(),
                "productId", product, "visitorId", visit.visitorId()));
            visit.bundle().forEach(product -> activity.publish("CartItemAdded", product, visit.visitorId(),
                "productId", product, "quantity", 1, "visitorId", visit.visitorId()));
          }
        });
  }

  private Future<List<String>> productKeys(String cursor, List<String> found) {
    return redis.scan(List.of(cursor, "MATCH", RecsKeys.product("*"), "COUNT", "1000")).compose(reply -> {
      reply.get(1).forEach(key -> found.add(key.toString()));
      String next = reply.get(0).toString();
      return "0".equals(next) ? Future.succeededFuture(found) : productKeys(next, found);
    });
  }

  private static String string(Response value) {
    return value == null ? null : value.toString();
  }
}
