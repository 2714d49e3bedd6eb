package io.polymart.recommendations;

import io.polymart.recommendations.RecsKeys.Relation;
import io.polymart.recommendations.scoring.ContentSimilarity;
import io.polymart.recommendations.scoring.ItemToItem;
import io.polymart.recommendations.scoring.MemoryCoOccurrence;
import io.polymart.recommendations.scoring.Personal;
import io.polymart.recommendations.scoring.Popularity;
import io.polymart.recommendations.scoring.Scored;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers. Each reads what it needs out of Redis into a {@link MemoryCoOccurrence} snapshot (an item's
 * neighbours and their weights) or a map of counts, scores it with the shared scoring core, and fills the answer with
 * the eligible products (see {@link ProductCard}) in that order; never the product asked about.
 */
final class RecommendationService {
  /** "For you" looks at the neighbours of this many of the shopper's strongest interests. */
  static final int INTERESTS = 20;
  private final RedisAPI redis;
  private final RecommendationsSettings settings;
  private final ProductCards cards;
  private final TrendingCounts trending;
  private final TrendingRankings rankings;
  private final Clock clock;

  RecommendationService(RedisAPI redis, RecommendationsSettings settings, Clock clock) {
    this.redis = redis;
    this.settings = settings;
    this.cards = new ProductCards(redis);
    this.trending = new TrendingCounts(settings);
    this.rankings = new TrendingRankings(settings.trendingCache(), clock);
    this.clock = clock;
  }

  enum ItemType {
    BOUGHT_TOGETHER("bought-together"), VIEWED_TOGETHER("viewed-together"), SIMILAR("similar");

    final String value;

    ItemType(String value) {
      this.value = value;
    }

    static ItemType parse(String value) {
      for (ItemType type : values()) {
        if (type.value.equals(value)) {
          return type;
        }
      }
      return null;
    }
  }

  Future<JsonObject> forProduct(String productId, ItemType type, int size) {
    Future<List<Scored>> ranked = switch (type) {
      case BOUGHT_TOGETHER -> itemToItem(productId, Relation.BOUGHT);
      case VIEWED_TOGETHER -> itemToItem(productId, Relation.VIEWED);
      case SIMILAR -> similar(productId);
    };
    return ranked.compose(list -> cards.fill(list, size, Set.of(productId), id -> type.value))
        .map(ProductCards::answer);
  }

  Future<JsonObject> trending(String category, TrendingWindow window, int size) {
    return trendingRanked(category, window)
        .compose(ranked -> cards.fill(ranked, size, Set.of(), id -> "trending"))
        .map(ProductCards::answer);
  }

  /** From the shoppers' (a user's, and the visitor's they browse as) activity; trending fills what is missing. */
  Future<JsonObject> forYou(List<Shopper> shoppers, int size) {
    List<Future<Response>> reads = shoppers.stream()
        .map(shopper -> redis.zrange(List.of(RecsKeys.activity(shopper), "0", "-1", "WITHSCORES"))).toList();
    return Future.all(reads).compose(all -> {
      Instant now = clock.instant();
      Map<String, Double> interests = new HashMap<>();
      Set<String> bought = new HashSet<>();
      for (Future<Response> read : reads) {
        RedisReplies.scores(read.result()).forEach((member, atMillis) -> {
          ActivityKind kind = ActivityKind.ofMember(member);
          if (kind != null) {
            String product = ActivityKind.productOf(member);
            double age = Math.max(0, now.toEpochMilli() - atMillis) / 1000.0;
            double weight = settings.weight(kind) * Math.pow(2, -age / settings.activityHalfLife().toSeconds());
            interests.merge(product, weight, Double::sum);
            if (kind == ActivityKind.PURCHASE) {
              bought.add(product);
            }
          }
        });
      }
      Map<String, Double> strongest = new HashMap<>();
      interests.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey())).limit(INTERESTS)
          .forEach(e -> strongest.put(e.getKey(), e.getValue()));
      return snapshot(strongest.keySet(), List.of(Relation.BOUGHT, Relation.VIEWED)).compose(stats -> {
        List<Scored> ranked = Personal.rank(strongest, stats, Integer.MAX_VALUE, id -> true, bought);
        Set<String> excluded = new HashSet<>(interests.keySet());
        return cards.fill(ranked, size, excluded, id -> "for-you").compose(items -> {
          if (items.size() >= size) {
            return Future.succeededFuture(items);
          }
          items.forEach(item -> excluded.add(item.getString("id")));
          return trendingRanked(null, TrendingWindow.WEEK)
              .compose(popular -> cards.fill(popular, size - items.size(), excluded, id -> "trending"))
              .map(more -> {
                List<JsonObject> combined = new ArrayList<>(items);
                combined.addAll(more);
                return combined;
              });
        });
      });
    }).map(ProductCards::answer);
  }

  private Future<List<Scored>> itemToItem(String productId, Relation relation) {
    return snapshot(Set.of(productId), List.of(relation))
        .map(stats -> ItemToItem.rank(productId, stats, Integer.MAX_VALUE, id -> true));
  }

  /**
   * The neighbours of {@code items} in the relations, with the weights of every item involved: a snapshot that
   * scores exactly as the whole co-occurrence would for these items. Relations add up (a co-view counts as a
   * co-purchase would).
   */
  private Future<MemoryCoOccurrence> snapshot(Set<String> items, List<Relation> relations) {
    if (items.isEmpty()) {
      return Future.succeededFuture(new MemoryCoOccurrence());
    }
    List<String> itemList = List.copyOf(items);
    List<Future<Map<String, Map<String, Double>>>> perRelation = new ArrayList<>();
    for (Relation relation : relations) {
      List<Future<Response>> reads = itemList.stream().map(item -> redis.zrevrange(List.of(
          RecsKeys.neighbours(relation, item), "0", Integer.toString(settings.neighboursPerItem() - 1),
          "WITHSCORES"))).toList();
      perRelation.add(Future.all(reads).map(all -> {
        Map<String, Map<String, Double>> neighbours = new HashMap<>();
        for (int i = 0; i < itemList.size(); i++) {
          neighbours.put(itemList.get(i), RedisReplies.scores(reads.get(i).result()));
        }
        return neighbours;
      }));
    }
    return Future.all(perRelation).compose(all -> {
      MemoryCoOccurrence stats = new MemoryCoOccurrence();
      Set<String> involved = new LinkedHashSet<>(items);
      List<Future<Response>> weights = new ArrayList<>();
      for (int r = 0; r < relations.size(); r++) {
        Map<String, Map<String, Double>> neighbours = perRelation.get(r).result();
        neighbours.forEach((item, list) -> list.forEach((other, weight) -> {
          stats.addPair(item, other, weight);
          involved.add(other);
        }));
      }
      List<String> involvedList = List.copyOf(involved);
      for (Relation relation : relations) {
        List<String> args = new ArrayList<>();
        args.add(RecsKeys.itemWeights(relation));
        args.addAll(involvedList);
        weights.add(redis.hmget(args));
      }
      return Future.all(weights).map(done -> {
        for (Future<Response> reply : weights) {
          Response values = reply.result();
          for (int i = 0; i < involvedList.size(); i++) {
            Response value = values.get(i);
            if (value != null) {
              stats.addItem(involvedList.get(i), value.toDouble());
            }
          }
        }
        return stats;
      });
    });
  }

  private Future<List<Scored>> similar(String productId) {
    return cards.read(productId).compose(card -> {
      if (card == null) {
        return Future.succeededFuture(List.of());
      }
      ContentSimilarity.Features features = card.features();
      List<Future<Response>> sets = new ArrayList<>();
      String count = Integer.toString(settings.similarCandidates());
      if (features.category() != null) {
        sets.add(redis.srandmember(List.of(RecsKeys.category(features.category()), count)));
      }
      if (features.brand() != null) {
        sets.add(redis.srandmember(List.of(RecsKeys.brand(features.brand()), count)));
      }
      return Future.all(sets).compose(all -> {
        Set<String> candidates = new LinkedHashSet<>();
        sets.forEach(set -> set.result().forEach(member -> candidates.add(member.toString())));
        candidates.remove(productId);
        return cards.read(candidates);
      }).map(found -> {
        Map<String, ContentSimilarity.Features> candidates = new HashMap<>();
        found.forEach((id, other) -> {
          if (other.eligible()) {
            candidates.put(id, other.features());
          }
        });
        return ContentSimilarity.rank(productId, features, candidates, candidates.size());
      });
    });
  }

  private Future<List<Scored>> trendingRanked(String category, TrendingWindow window) {
    return rankings.get(category, window, () -> rankTrending(category, window));
  }

  private Future<List<Scored>> rankTrending(String category, TrendingWindow window) {
    Instant now = clock.instant();
    List<String> keys = trending.keys(window, category == null ? TrendingCounts.ALL : category, now);
    List<Future<Response>> reads = keys.stream().map(key -> redis.zrevrange(List.of(key, "0",
        Integer.toString(settings.trendingPerDay() - 1), "WITHSCORES"))).toList();
    return Future.all(reads).map(all -> {
      List<Map<String, Double>> days = reads.stream().map(read -> RedisReplies.scores(read.result())).toList();
      Map<String, Double> counts = trending.combine(window, now, days);
      return Popularity.rank(counts, counts.size(), id -> true);
    });
  }
}
