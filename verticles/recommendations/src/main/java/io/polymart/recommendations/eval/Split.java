package io.polymart.recommendations.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Training and test baskets. With timestamps, a time split: the baskets in the last {@code testShare} of the data set's
 * time span are the test (the model never learns from the future it is tested on). Without, a seeded random share of
 * the baskets.
 */
record Split(List<Basket> train, List<Basket> test, String description) {
  public Split {
    train = List.copyOf(train);
    test = List.copyOf(test);
  }

  static Split of(Dataset dataset, double testShare, long seed) {
    if (!(testShare > 0 && testShare < 1)) {
      throw new IllegalArgumentException("test share must be between 0 and 1, got " + testShare);
    }
    List<Basket> train = new ArrayList<>();
    List<Basket> test = new ArrayList<>();
    if (dataset.timed()) {
      Instant first = dataset.baskets().stream().map(Basket::at).min(Instant::compareTo).orElseThrow();
      Instant last = dataset.baskets().stream().map(Basket::at).max(Instant::compareTo).orElseThrow();
      long spanMillis = Duration.between(first, last).toMillis();
      Instant cut = first.plusMillis(Math.round(spanMillis * (1 - testShare)));
      for (Basket basket : dataset.baskets()) {
        (basket.at().isBefore(cut) ? train : test).add(basket);
      }
      return new Split(train, test, "time split at " + cut + " (last " + percent(testShare) + " of time)");
    }
    List<Basket> shuffled = new ArrayList<>(dataset.baskets());
    Collections.shuffle(shuffled, new Random(seed));
    int testSize = (int) Math.round(shuffled.size() * testShare);
    return new Split(shuffled.subList(testSize, shuffled.size()), shuffled.subList(0, testSize),
        "random split, " + percent(testShare) + " of baskets");
  }

  private static String percent(double share) {
    return Math.round(share * 100) + " %";
  }
}
