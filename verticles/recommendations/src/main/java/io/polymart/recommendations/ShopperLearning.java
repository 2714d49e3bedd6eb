package io.polymart.recommendations;

import io.polymart.core.events.DomainEvent;
import io.polymart.recommendations.RecsKeys.Relation;
import io.polymart.recommendations.scoring.BasketLearner;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What shoppers did, from {@code polymart.orders} and {@code polymart.activity}, as writes: bought together (an order's
 * products, learned once per order on {@code OrderPaid}: an order placed and never paid was no purchase, and a paid
 * order cancelled or refunded later stays learned), viewed together (each view with the same shopper's views of the
 * session window before it), each shopper's recent activity (capped and expiring), and the trending counts. Weights
 * are forward-decayed by the event's own time, so a replay learns the same numbers.
 */
final class ShopperLearning {
  private final RecommendationsSettings settings;
  private final TrendingCounts trending;

  ShopperLearning(RecommendationsSettings settings) {
    this.settings = settings;
    this.trending = new TrendingCounts(settings);
  }

  /** The products an order event names, in order; empty for anything but {@code OrderPaid}. */
  static List<String> paidProducts(DomainEvent event) {
    if (!"OrderPaid".equals(event.type())) {
      return List.of();
    }
    Set<String> products = new LinkedHashSet<>();
    JsonArray items = event.data().getJsonArray("items", new JsonArray());
    for (Object item : items) {
      if (item instanceof JsonObject line && line.getString("productId") != null) {
        products.add(line.getString("productId"));
      }
    }
    return List.copyOf(products);
  }

  /** {@code OrderPaid}: the basket, the buyer's purchases, trending; categories by product id where known. */
  EventWrites orderPaid(DomainEvent event, List<String> products, Map<String, String> categories) {
    EventWrites writes = new EventWrites();
    Instant at = at(event);
    learn(writes, Relation.BOUGHT, sink -> BasketLearner.learn(products, settings.pairDecay().weight(at), sink));
    String userId = event.data().getString("userId");
    for (String product : products) {
      if (userId != null) {
        remember(writes, Shopper.user(userId), ActivityKind.PURCHASE, product, at);
      }
      trending.count(writes, product, categories.get(product), settings.purchaseWeight(), at);
    }
    return writes;
  }

  /** {@code ProductViewed}: viewed together with {@code sessionViews}, the shopper's activity, trending. */
  EventWrites viewed(Shopper shopper, String productId, Instant at, Collection<String> sessionViews,
      String categoryId) {
    EventWrites writes = new EventWrites();
    learn(writes, Relation.VIEWED, sink -> BasketLearner.learnAddition(sessionViews, productId,
        settings.pairDecay().weight(at), sink));
    remember(writes, shopper, ActivityKind.VIEW, productId, at);
    trending.count(writes, productId, categoryId, settings.viewWeight(), at);
    return writes;
  }

  /** {@code CartItemAdded}: the shopper's activity, trending. */
  EventWrites cartAdded(Shopper shopper, String productId, Instant at, String categoryId) {
    EventWrites writes = new EventWrites();
    remember(writes, shopper, ActivityKind.CART, productId, at);
    trending.count(writes, productId, categoryId, settings.cartWeight(), at);
    return writes;
  }

  /** {@code VisitorSignedIn}: the visitor's activity becomes the user's too. */
  EventWrites signedIn(String userId, Map<String, Double> visitorActivity) {
    EventWrites writes = new EventWrites();
    String key = RecsKeys.activity(Shopper.user(userId));
    visitorActivity.forEach((member, atMillis) -> writes.zmax(key, atMillis, member));
    if (!visitorActivity.isEmpty()) {
      writes.ztrim(key, settings.activityPerUser()).expire(key, settings.activityTtl().toSeconds());
    }
    return writes;
  }

  /** The event's time: the activity's {@code at}, else when it occurred. */
  static Instant at(DomainEvent event) {
    String at = event.data().getString("at");
    if (at != null) {
      try {
        return Instant.parse(at);
      } catch (DateTimeParseException e) {
        // fall back to the envelope's time
      }
    }
    return event.occurredAt() == null ? Instant.EPOCH : event.occurredAt();
  }

  private void remember(EventWrites writes, Shopper shopper, ActivityKind kind, String productId, Instant at) {
    String key = RecsKeys.activity(shopper);
    writes.zmax(key, at.toEpochMilli(), kind.member(productId)).ztrim(key, settings.activityPerUser())
        .expire(key, settings.activityTtl().toSeconds());
  }

  private void learn(EventWrites writes, Relation relation,
      Consumer<RedisCoOccurrenceSink> learning) {
    RedisCoOccurrenceSink sink = new RedisCoOccurrenceSink(writes, relation, settings.neighboursPerItem());
    learning.accept(sink);
    sink.trim();
  }

  /** The products among activity members of views, as the session's views. */
  static List<String> views(Collection<String> members) {
    List<String> views = new ArrayList<>();
    for (String member : members) {
      if (ActivityKind.ofMember(member) == ActivityKind.VIEW) {
        views.add(ActivityKind.productOf(member));
      }
    }
    return views;
  }
}
