package io.polymart.recommendations.eval;

import io.polymart.recommendations.scoring.ItemToItem;
import io.polymart.recommendations.scoring.MemoryCoOccurrence;
import io.polymart.recommendations.scoring.Scored;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline evaluation on the planted generator with a fixed seed (the figures are those bench/recs-eval prints). */
class OfflineEvaluationTest {
  private static final long SEED = 42;

  @Test
  void itemToItemBeatsPopularityByAClearMarginOnThePlantedLog() {
    ShopLogGenerator.ShopLog log = ShopLogGenerator.generate(ShopLogGenerator.Settings.defaults(SEED));

    Evaluation.Report report = Evaluation.run("generated", log.dataset(), 0.2, SEED, 10, null);

    double popularity = report.row("popularity").hitRate();
    double itemToItem = report.row("item-to-item").hitRate();
    assertThat(report.testCases()).isGreaterThan(500);
    assertThat(popularity).as("best-sellers make popularity a real competitor").isGreaterThan(0.15);
    // Measured 0.725 against 0.246 (2.9x); seeds 1 and 7 give 2.5x and 2.7x.
    assertThat(itemToItem).isGreaterThanOrEqualTo(2.0 * popularity);
    assertThat(report.row("item-to-item").ndcg()).isGreaterThanOrEqualTo(2.0 * report.row("popularity").ndcg());
    assertThat(report.row("item-to-item").coverage()).isGreaterThan(10 * report.row("popularity").coverage());
  }

  @Test
  void everyPlantedPairIsInTheOthersTopTen() {
    ShopLogGenerator.ShopLog log = ShopLogGenerator.generate(ShopLogGenerator.Settings.defaults(SEED));
    MemoryCoOccurrence stats = Evaluation.learn(log.dataset().baskets(), log.dataset(), null);

    List<String> missed = new ArrayList<>();
    int pairs = 0;
    for (List<String> cluster : log.clusters()) {
      for (String item : cluster) {
        List<String> top = ItemToItem.rank(item, stats, 10, other -> true).stream().map(Scored::item).toList();
        for (String partner : cluster) {
          if (!partner.equals(item)) {
            pairs++;
            if (!top.contains(partner)) {
              missed.add(item + "-" + partner);
            }
          }
        }
      }
    }
    assertThat(pairs).isGreaterThan(1000);
    assertThat(missed).isEmpty();
  }

  @Test
  void theGeneratorIsReproducibleFromItsSeed() {
    assertThat(ShopLogGenerator.generate(ShopLogGenerator.Settings.defaults(SEED)))
        .isEqualTo(ShopLogGenerator.generate(ShopLogGenerator.Settings.defaults(SEED)));
    assertThat(ShopLogGenerator.generate(ShopLogGenerator.Settings.defaults(SEED + 1)).dataset())
        .isNotEqualTo(ShopLogGenerator.generate(ShopLogGenerator.Settings.defaults(SEED)).dataset());
  }
}
