package io.polymart.recommendations;

import io.polymart.core.events.DomainEvent;
import io.polymart.core.events.BatchEventHandler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consumer's handler for the four topics: reads what an event's learning depends on (the product's hash, the
 * shopper's session), turns the event into {@link EventWrites}, and has {@link OffsetGuard} apply them once. Events of
 * other types are ignored. Runs of views and cart adds in a partition's batch are learned together
 * ({@link ActivityRun}).
 */
final class RecsEventHandler implements BatchEventHandler {
  static final String ORDERS = "polymart.orders";
  static final String ACTIVITY = "polymart.activity";
  static final String CATALOG = "polymart.catalog";
  static final String REVIEWS = "polymart.reviews";
  static final List<String> TOPICS = List.of(ORDERS, ACTIVITY, CATALOG, REVIEWS);
  /** The most events one script learns: a script blocks Redis while it runs. */
  static final int MAX_RUN = 200;

  private final RedisAPI redis;
  private final OffsetGuard guard;
  private final RecommendationsSettings settings;
  private final ShopperLearning shoppers;
  private final ProductCategories categories;
  private final ActivityRun runs;
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();

  RecsEventHandler(RedisAPI redis, RecommendationsSettings settings) {
    this.redis = redis;
    this.guard = new OffsetGuard(redis);
    this.settings = settings;
    this.shoppers = new ShopperLearning(settings);
    this.categories = new ProductCategories(redis);
    this.runs = new ActivityRun(redis, guard, categories, settings, shoppers);
  }

  /** Runs of views and cart adds together (at most {@value #MAX_RUN} a script), anything else alone; in order. */
  @Override
  public Future<Void> handleAll(List<DomainEvent> events) {
    Future<Void> done = Future.succeededFuture();
    List<DomainEvent> run = new ArrayList<>();
    for (DomainEvent event : events) {
      if (ActivityRun.learns(event) && run.size() < MAX_RUN) {
        run.add(event);
        continue;
      }
      done = then(done, run);
      run = new ArrayList<>();
      if (ActivityRun.learns(event)) {
        run.add(event);
      } else {
        done = done.compose(v -> handle(event));
      }
    }
    return then(done, run);
  }

  private Future<Void> then(Future<Void> done, List<DomainEvent> run) {
    if (run.isEmpty()) {
      return done;
    }
    return done.compose(v -> runs.learn(run)).map(learned -> {
      applied.addAndGet(learned.applied());
      replayed.addAndGet(learned.replayed());
      return null;
    });
  }

  @Override
  public Future<Void> handle(DomainEvent event) {
    Future<EventWrites> writes = switch (event.topic()) {
      case ORDERS -> order(event);
      case ACTIVITY -> activity(event);
      case CATALOG -> productId(event) == null ? null : productHash(productId(event))
          .map(current -> CatalogProjection.catalog(event, productId(event), current));
      case REVIEWS -> "ProductRatingChanged".equals(event.type()) && productId(event) != null
          ? productHash(productId(event)).map(current -> CatalogProjection.rating(event, productId(event), current))
          : null;
      default -> null;
    };
    if (writes == null) {
      return Future.succeededFuture();
    }
    return writes.compose(w -> w.isEmpty() ? Future.succeededFuture(null) : guard.apply(event, w))
        .map(done -> {
          if (Boolean.TRUE.equals(done)) {
            applied.incrementAndGet();
          } else if (Boolean.FALSE.equals(done)) {
            replayed.incrementAndGet();
          }
          return null;
        });
  }

  /** Events whose writes were applied. */
  long applied() {
    return applied.get();
  }

  /** Events whose position had been applied before: redelivered, replayed, or raced by another instance. */
  long replayed() {
    return replayed.get();
  }

  private Future<EventWrites> order(DomainEvent event) {
    List<String> products = ShopperLearning.paidProducts(event);
    if (products.isEmpty()) {
      return null;
    }
    return categories.of(products).map(known -> shoppers.orderPaid(event, products, known));
  }

  private Future<EventWrites> activity(DomainEvent event) {
    JsonObject data = event.data();
    if ("VisitorSignedIn".equals(event.type())) {
      String visitorId = data.getString("visitorId");
      String userId = data.getString("userId", event.aggregateId());
      if (visitorId == null || userId == null) {
        return null;
      }
      return redis.zrange(List.of(RecsKeys.activity(Shopper.visitor(visitorId)), "0", "-1", "WITHSCORES"))
          .map(reply -> shoppers.signedIn(userId, RedisReplies.scores(reply)));
    }
    Shopper shopper = Shopper.of(data);
    String productId = data.getString("productId");
    if (shopper == null || productId == null) {
      return null;
    }
    Instant at = ShopperLearning.at(event);
    return switch (event.type()) {
      case "ProductViewed" -> {
        long from = at.minus(settings.sessionWindow()).toEpochMilli();
        Future<List<String>> session = redis.zrangebyscore(List.of(RecsKeys.activity(shopper), Long.toString(from),
                Long.toString(at.toEpochMilli())))
            .map(reply -> ShopperLearning.views(reply.stream().map(Object::toString).toList()));
        yield Future.all(session, categories.of(List.of(productId))).map(both -> shoppers.viewed(shopper, productId, at,
            both.<List<String>>resultAt(0), both.<Map<String, String>>resultAt(1).get(productId)));
      }
      case "CartItemAdded" -> categories.of(List.of(productId))
          .map(known -> shoppers.cartAdded(shopper, productId, at, known.get(productId)));
      default -> null;
    };
  }

  private static String productId(DomainEvent event) {
    String productId = event.data().getString("productId");
    return productId != null ? productId : event.aggregateId();
  }

  private Future<Map<String, String>> productHash(String productId) {
    return redis.hgetall(RecsKeys.product(productId)).map(RedisReplies::hash);
  }

}
