package io.polymart.recommendations;

import io.polymart.core.events.DomainEvent;
import io.polymart.recommendations.RecsKeys.Relation;
import io.polymart.testing.BusTestNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.polymart.recommendations.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partition's views and cart adds learned together ({@link RecsEventHandler#handleAll}) leave what learning them one
 * by one leaves, up to the rounding of sums: the same events over two sets of fresh ids, compared key by key with the
 * ids mapped and the numbers to 10 significant digits.
 */
class ActivityRunTest {
  // a small activity cap and session window, so that the run's in-memory copy must trim and window as Redis does
  private static final RecommendationsSettings SETTINGS = RecommendationsSettings.from(RecsFixture.node().config()
      .copy().put("recommendations", RecsFixture.node().config().getJsonObject("recommendations").copy()
          .put("activityPerUser", 4).put("sessionWindowMinutes", 20)));
  private static final int PRODUCTS = 7;
  private static final int SHOPPERS = 3;
  private static final int EVENTS = 120;
  private static final Instant START = Instant.now().minus(Duration.ofHours(3));

  @Test
  void aRunOfViewsAndCartAddsLearnsWhatOneByOneLearnsAndAReplayChangesNothing() {
    Scenario oneByOne = learnedOneByOne();

    Scenario together = new Scenario();
    RecsEventHandler batch = new RecsEventHandler(RecsFixture.redis(), SETTINGS);
    BusTestNode.await(batch.handleAll(together.events));
    assertThat(together.state()).isEqualTo(oneByOne.state());
    assertThat(batch.applied()).isEqualTo(EVENTS);

    // redelivered: the partition's position says all of it was applied
    Map<String, Object> before = together.state();
    RecsEventHandler again = new RecsEventHandler(RecsFixture.redis(), SETTINGS);
    BusTestNode.await(again.handleAll(together.events));
    assertThat(again.applied()).isZero();
    assertThat(again.replayed()).isEqualTo(EVENTS);
    assertThat(together.state()).isEqualTo(before);
  }

  @Test
  void twoInstancesRacingOverTheSameRunApplyEachEventOnce() {
    Scenario oneByOne = learnedOneByOne();

    Scenario raced = new Scenario();
    RecsEventHandler one = new RecsEventHandler(RecsFixture.redis(), SETTINGS);
    RecsEventHandler other = new RecsEventHandler(RecsFixture.redis(), SETTINGS);
    // one takes the first half then the whole; the other the whole at once: a rebalance mid-run
    List<DomainEvent> half = raced.events.subList(0, EVENTS / 2);
    BusTestNode.awaitAll(List.of(one.handleAll(half).compose(v -> one.handleAll(raced.events)),
        other.handleAll(raced.events)));
    assertThat(one.applied() + other.applied()).isEqualTo(EVENTS);
    assertThat(raced.state()).isEqualTo(oneByOne.state());
  }

  /** A scenario whose events were handled one after the other, as without batches. */
  private static Scenario learnedOneByOne() {
    Scenario scenario = new Scenario();
    RecsEventHandler single = new RecsEventHandler(RecsFixture.redis(), SETTINGS);
    Future<Void> done = Future.succeededFuture();
    for (DomainEvent event : scenario.events) {
      done = done.compose(v -> single.handle(event));
    }
    BusTestNode.await(done);
    return scenario;
  }

  /** The same shoppers' views, cart adds and one sign-in, on fresh ids and a partition of its own. */
  private static final class Scenario {
    final List<String> products = new ArrayList<>();
    final List<Shopper> shoppers = new ArrayList<>();
    final String category = id();
    final List<DomainEvent> events = new ArrayList<>();
    final List<Long> days = new ArrayList<>();

    Scenario() {
      for (int i = 0; i < PRODUCTS; i++) {
        String product = id();
        products.add(product);
        if (i % 2 == 0) {
          BusTestNode.await(RecsFixture.redis().hset(List.of(RecsKeys.product(product), "categoryId", category)));
        }
      }
      shoppers.add(Shopper.user(id()));
      shoppers.add(Shopper.visitor(id()));
      shoppers.add(Shopper.visitor(id()));
      int partition = 1_000_000 + new Random().nextInt(1_000_000);
      Random random = new Random(7);
      for (int i = 0; i < EVENTS; i++) {
        Instant at = START.plusSeconds(i * 60L + random.nextInt(30));
        Shopper shopper = shoppers.get(random.nextInt(SHOPPERS));
        JsonObject data = new JsonObject().put(shopper.user() ? "userId" : "visitorId", shopper.id())
            .put("at", at.toString());
        String type;
        if (i == EVENTS / 3) {
          // the second shopper signs in as the first: a run ends, the sign-in is handled alone
          type = "VisitorSignedIn";
          data = new JsonObject().put("visitorId", shoppers.get(1).id()).put("userId", shoppers.get(0).id())
              .put("at", at.toString());
        } else {
          type = random.nextInt(5) == 0 ? "CartItemAdded" : "ProductViewed";
          data.put("productId", products.get(random.nextInt(PRODUCTS)));
        }
        // published as the platform does: records of several events (up to 7 here)
        events.add(new DomainEvent(type, id(), at, shopper.id(), data, RecsEventHandler.ACTIVITY, partition,
            i / 7, i % 7));
        days.add(Math.floorDiv(at.getEpochSecond(), Duration.ofDays(1).toSeconds()));
      }
    }

    /** What is stored about these products and shoppers, with every id replaced by its index. */
    Map<String, Object> state() {
      Map<String, Object> state = new TreeMap<>();
      for (int i = 0; i < PRODUCTS; i++) {
        String product = products.get(i);
        state.put("p" + i + " viewed with", mapped(zset(RecsKeys.neighbours(Relation.VIEWED, product))));
        state.put("p" + i + " views", rounded(String.valueOf(BusTestNode.await(RecsFixture.redis()
            .hget(RecsKeys.itemWeights(Relation.VIEWED), product)))));
        for (TrendingWindow window : TrendingWindow.values()) {
          for (long day : days.stream().distinct().toList()) {
            for (String scope : List.of(TrendingCounts.ALL, category)) {
              Double score = zset(RecsKeys.trending(window, scope, day)).get(product);
              state.put("p" + i + " trending " + window + " " + (scope.equals(category) ? "category" : scope) + " "
                  + day, score == null ? "none" : rounded(score.toString()));
            }
          }
        }
      }
      for (int s = 0; s < SHOPPERS; s++) {
        state.put("s" + s + " activity", mapped(zset(RecsKeys.activity(shoppers.get(s)))));
      }
      return state;
    }

    private static Map<String, Double> zset(String key) {
      return RedisReplies.scores(BusTestNode.await(RecsFixture.redis().zrange(List.of(key, "0", "-1",
          "WITHSCORES"))));
    }

    private static String rounded(String number) {
      return "null".equals(number) ? number : new BigDecimal(number).round(new MathContext(10)).toString();
    }

    private Map<String, String> mapped(Map<String, Double> scores) {
      Map<String, String> mapped = new TreeMap<>();
      scores.forEach((member, score) -> {
        String name = member;
        for (int i = 0; i < PRODUCTS; i++) {
          name = name.replace(products.get(i), "p" + i);
        }
        mapped.put(name, rounded(score.toString()));
      });
      return mapped;
    }
  }
}
