package io.polymart.recommendations;

import io.polymart.recommendations.scoring.Scored;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance reuses a trending ranking for a short while, per window and category, and never keeps a failure. */
class TrendingRankingsTest {
  private static final List<Scored> RANKING = List.of(new Scored("p1", 2.0), new Scored("p2", 1.0));
  private final AtomicInteger computed = new AtomicInteger();
  private Instant now = Instant.parse("2026-12-05T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  private Future<List<Scored>> compute() {
    computed.incrementAndGet();
    return Future.succeededFuture(RANKING);
  }

  @Test
  void aRankingIsReusedWithinItsTimeAndComputedAgainAfter() {
    TrendingRankings rankings = new TrendingRankings(Duration.ofSeconds(2), clock);
    assertThat(rankings.get(null, TrendingWindow.DAY, this::compute).result()).isEqualTo(RANKING);
    now = now.plusMillis(1999);
    rankings.get(null, TrendingWindow.DAY, this::compute);
    assertThat(computed).as("reused").hasValue(1);
    rankings.get(null, TrendingWindow.WEEK, this::compute);
    rankings.get("phones", TrendingWindow.DAY, this::compute);
    assertThat(computed).as("another window, another category").hasValue(3);
    now = now.plusMillis(1);
    rankings.get(null, TrendingWindow.DAY, this::compute);
    assertThat(computed).as("past its time").hasValue(4);
  }

  @Test
  void concurrentAsksShareOneComputationAndAFailureIsNotKept() {
    TrendingRankings rankings = new TrendingRankings(Duration.ofSeconds(2), clock);
    Promise<List<Scored>> slow = Promise.promise();
    Future<List<Scored>> first = rankings.get(null, TrendingWindow.DAY, () -> {
      computed.incrementAndGet();
      return slow.future();
    });
    Future<List<Scored>> second = rankings.get(null, TrendingWindow.DAY, this::compute);
    assertThat(second).isSameAs(first);
    slow.fail("redis down");
    assertThat(rankings.get(null, TrendingWindow.DAY, this::compute).result()).isEqualTo(RANKING);
    assertThat(computed).hasValue(2);
  }

  @Test
  void zeroMeansComputedEveryTime() {
    TrendingRankings rankings = new TrendingRankings(Duration.ZERO, clock);
    rankings.get(null, TrendingWindow.DAY, this::compute);
    rankings.get(null, TrendingWindow.DAY, this::compute);
    assertThat(computed).hasValue(2);
  }
}
