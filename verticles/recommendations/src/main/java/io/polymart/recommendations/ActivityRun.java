package io.polymart.recommendations;

import io.polymart.core.events.DomainEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns a run of one partition's views and cart adds with one read of each shopper's activity and each product's
 * category and one script of {@link CombinedWrites}, where one by one costs three round trips and some sixteen
 * writes an event (the rate of product views is the rate of product pages). The result is what one by one learns
 * (see {@link CombinedWrites} for the one difference): the run is replayed in position order against an
 * in-memory copy of the activity it reads ({@link ActivitySnapshot}), so a shopper's earlier views in the run are in
 * the session of their later ones; and the writes land only if the partition's last applied position, read before
 * anything else, has not moved meanwhile (another instance took the partition over), else the run is read again.
 */
final class ActivityRun {
  private static final int ATTEMPTS = 3;

  private final RedisAPI redis;
  private final OffsetGuard guard;
  private final ProductCategories categories;
  private final RecommendationsSettings settings;
  private final ShopperLearning shoppers;

  ActivityRun(RedisAPI redis, OffsetGuard guard, ProductCategories categories, RecommendationsSettings settings,
      ShopperLearning shoppers) {
    this.redis = redis;
    this.guard = guard;
    this.categories = categories;
    this.settings = settings;
    this.shoppers = shoppers;
  }

  /** Whether an event is learned in runs: a view or a cart add. */
  static boolean learns(DomainEvent event) {
    return RecsEventHandler.ACTIVITY.equals(event.topic())
        && ("ProductViewed".equals(event.type()) || "CartItemAdded".equals(event.type()));
  }

  /** How many of a run's events were applied, and how many had been before. */
  record Learned(int applied, int replayed) {
  }

  /** Learns the events (of one partition, in position order, each one that {@link #learns}). */
  Future<Learned> learn(List<DomainEvent> run) {
    return learn(run, 1);
  }

  private Future<Learned> learn(List<DomainEvent> run, int attempt) {
    DomainEvent first = run.get(0);
    return guard.lastApplied(first).compose(last -> {
      List<DomainEvent> fresh = run.stream().filter(event -> last == null || event.position() > last).toList();
      if (fresh.isEmpty()) {
        return Future.succeededFuture(new Learned(0, run.size()));
      }
      long through = fresh.get(fresh.size() - 1).position();
      return read(fresh).compose(stored -> guard.applyIfUnmoved(first, last, through, replay(fresh, stored)))
          .compose(applied -> {
            if (applied) {
              return Future.succeededFuture(new Learned(fresh.size(), run.size() - fresh.size()));
            }
            return attempt < ATTEMPTS ? learn(run, attempt + 1)
                : Future.failedFuture(new IllegalStateException("the partition's position kept moving"));
          });
    });
  }

  /** What the run's learning reads: each shopper's activity, each product's category. */
  private record Stored(Map<Shopper, ActivitySnapshot> activity, Map<String, String> categories) {
  }

  private Future<Stored> read(List<DomainEvent> events) {
    Set<Shopper> shopperSet = new LinkedHashSet<>();
    Set<String> productSet = new LinkedHashSet<>();
    for (DomainEvent event : events) {
      Shopper shopper = Shopper.of(event.data());
      String productId = event.data().getString("productId");
      if (shopper != null && productId != null) {
        shopperSet.add(shopper);
        productSet.add(productId);
      }
    }
    List<Shopper> shopperList = List.copyOf(shopperSet);
    List<Future<Response>> activities = shopperList.stream()
        .map(shopper -> redis.zrange(List.of(RecsKeys.activity(shopper), "0", "-1", "WITHSCORES"))).toList();
    Future<Map<String, String>> known = categories.of(List.copyOf(productSet));
    return Future.all(Future.all(activities), known).map(done -> {
      Map<Shopper, ActivitySnapshot> activity = new HashMap<>();
      for (int i = 0; i < shopperList.size(); i++) {
        activity.put(shopperList.get(i), new ActivitySnapshot(RedisReplies.scores(activities.get(i).result()),
            settings.activityPerUser()));
      }
      return new Stored(activity, known.result());
    });
  }

  private EventWrites replay(List<DomainEvent> events, Stored stored) {
    CombinedWrites writes = new CombinedWrites();
    for (DomainEvent event : events) {
      JsonObject data = event.data();
      Shopper shopper = Shopper.of(data);
      String productId = data.getString("productId");
      if (shopper == null || productId == null) {
        continue;
      }
      ActivitySnapshot activity = stored.activity().get(shopper);
      String categoryId = stored.categories().get(productId);
      Instant at = ShopperLearning.at(event);
      if ("ProductViewed".equals(event.type())) {
        long from = at.minus(settings.sessionWindow()).toEpochMilli();
        List<String> session = ShopperLearning.views(activity.between(from, at.toEpochMilli()));
        writes.add(shoppers.viewed(shopper, productId, at, session, categoryId));
        activity.remember(ActivityKind.VIEW.member(productId), at.toEpochMilli());
      } else {
        writes.add(shoppers.cartAdded(shopper, productId, at, categoryId));
        activity.remember(ActivityKind.CART.member(productId), at.toEpochMilli());
      }
    }
    return writes.writes();
  }
}
