package io.polymart.recommendations.eval;

import io.polymart.recommendations.scoring.BasketLearner;
import io.polymart.recommendations.scoring.ForwardDecay;
import io.polymart.recommendations.scoring.MemoryCoOccurrence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One offline evaluation: split, learn the training baskets with the scoring core's {@link BasketLearner} (weight 1, or
 * forward-decayed with a half-life when asked and the data set has times), then answer every test case with each
 * strategy and measure it.
 */
final class Evaluation {
  private Evaluation() {
  }

  public record Row(String strategy, double hitRate, double ndcg, double coverage) {
  }

  public record Report(String source, Dataset dataset, Split split, int testCases, int catalogueSize, long seed, int k,
      List<Row> rows) {
    public Row row(String strategy) {
      return rows.stream().filter(row -> row.strategy().equals(strategy)).findFirst().orElseThrow();
    }

    public String table() {
      StringBuilder out = new StringBuilder();
      out.append("data set: ").append(source).append(dataset.usersKnown() ? " (users and timestamps)" : " (baskets only)")
          .append('\n');
      out.append(String.format("baskets %d (train %d, test %d) | items %d | test cases %d | %s | seed %d%n",
          dataset.baskets().size(), split.train().size(), split.test().size(), catalogueSize, testCases,
          split.description(), seed));
      out.append(String.format("%-14s %8s %9s %12s%n", "strategy", "HR@" + k, "NDCG@" + k, "coverage@" + k));
      for (Row row : rows) {
        out.append(String.format("%-14s %8.3f %9.3f %11.1f%%%n", row.strategy(), row.hitRate(), row.ndcg(),
            row.coverage() * 100));
      }
      return out.toString();
    }
  }

  public static Report run(String source, Dataset dataset, double testShare, long seed, int k, Duration halfLife) {
    Split split = Split.of(dataset, testShare, seed);
    MemoryCoOccurrence stats = learn(split.train(), dataset, halfLife);
    List<TestCase> cases = TestCases.of(dataset, split, seed);
    int catalogueSize = dataset.catalogue().size();
    List<Strategy> strategies = new ArrayList<>(List.of(Strategy.popularity(stats.itemWeights()),
        Strategy.itemToItem(stats), Strategy.personal(stats)));
    if (dataset.usersKnown()) {
      strategies.add(Strategy.personalWithRebuys(stats));
    }
    List<Row> rows = new ArrayList<>();
    for (Strategy strategy : strategies) {
      Metrics metrics = new Metrics(k);
      for (TestCase testCase : cases) {
        metrics.add(strategy.recommend(testCase, k), testCase.hidden());
      }
      rows.add(new Row(strategy.name(), metrics.hitRate(), metrics.ndcg(), metrics.coverage(catalogueSize)));
    }
    return new Report(source, dataset, split, cases.size(), catalogueSize, seed, k, rows);
  }

  static MemoryCoOccurrence learn(List<Basket> baskets, Dataset dataset, Duration halfLife) {
    MemoryCoOccurrence stats = new MemoryCoOccurrence();
    ForwardDecay decay = halfLife == null || !dataset.timed() ? null
        : new ForwardDecay(baskets.stream().map(Basket::at).min(Instant::compareTo).orElse(Instant.EPOCH),
            halfLife.toSeconds());
    for (Basket basket : baskets) {
      BasketLearner.learn(basket.items(), decay == null ? 1 : decay.weight(basket.at()), stats);
    }
    return stats;
  }
}
