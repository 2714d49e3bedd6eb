package io.polymart.recommendations.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {
  @Test
  void hitRateNdcgAndCoverageOfATinyHandComputedCase() {
    Metrics metrics = new Metrics(3);
    metrics.add(List.of("a", "b", "c"), "a"); // rank 1: 1/log2(2) = 1
    metrics.add(List.of("b", "d", "a"), "a"); // rank 3: 1/log2(4) = 0.5
    metrics.add(List.of("b", "c", "d", "e"), "e"); // rank 4, beyond k: a miss, and e is not recommended at k = 3
    metrics.add(List.of(), "a"); // nothing to say: a miss

    assertThat(metrics.cases()).isEqualTo(4);
    assertThat(metrics.hitRate()).isCloseTo(0.5, within(1e-12));
    assertThat(metrics.ndcg()).isCloseTo((1 + 0.5) / 4, within(1e-12));
    assertThat(metrics.coverage(8)).isCloseTo(4 / 8.0, within(1e-12)); // a, b, c, d
  }

  @Test
  void noCasesMeasureZeroRatherThanNaN() {
    Metrics metrics = new Metrics(10);
    assertThat(metrics.hitRate()).isZero();
    assertThat(metrics.ndcg()).isZero();
    assertThat(metrics.coverage(0)).isZero();
  }
}
