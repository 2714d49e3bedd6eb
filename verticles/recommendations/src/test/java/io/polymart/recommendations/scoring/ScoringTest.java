package io.polymart.recommendations.scoring;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoringTest {
  @Test
  void aBestSellerSeenWithEverythingDoesNotOutrankARealPartner() {
    MemoryCoOccurrence stats = new MemoryCoOccurrence();
    for (int i = 0; i < 10; i++) {
      BasketLearner.learn(List.of("phone", "case"), 1, stats);
    }
    for (int i = 0; i < 100; i++) {
      BasketLearner.learn(List.of("bag", "item" + i), 1, stats);
    }
    for (int i = 0; i < 12; i++) {
      BasketLearner.learn(List.of("phone", "bag"), 1, stats);
    }
    assertThat(ItemToItem.rank("phone", stats, 10, item -> true)).extracting(Scored::item)
        .containsExactly("case", "bag");
  }

  @Test
  void neverTheItemItselfNorAnIneligibleOne() {
    MemoryCoOccurrence stats = new MemoryCoOccurrence();
    BasketLearner.learn(List.of("a", "b", "c", "a"), 1, stats);
    assertThat(stats.itemWeight("a")).isEqualTo(1);
    assertThat(ItemToItem.rank("a", stats, 10, item -> !item.equals("c"))).extracting(Scored::item)
        .containsExactly("b");
  }

  @Test
  void aBasketCountsAtMostItsFirstFiftyItems() {
    MemoryCoOccurrence stats = new MemoryCoOccurrence();
    BasketLearner.learn(java.util.stream.IntStream.range(0, 80).mapToObj(i -> "i" + i).toList(), 1, stats);
    assertThat(stats.itemWeights()).hasSize(BasketLearner.MAX_ITEMS);
    assertThat(stats.neighbours("i0")).hasSize(BasketLearner.MAX_ITEMS - 1);
  }

  @Test
  void forwardDecayHalvesAnOldEventsWeightEveryHalfLife() {
    ForwardDecay decay = new ForwardDecay(ForwardDecay.DEFAULT_ORIGIN, Duration.ofDays(7).toSeconds());
    Instant then = Instant.parse("2026-03-01T00:00:00Z");
    Instant weekLater = then.plus(Duration.ofDays(7));
    assertThat(decay.decayed(decay.weight(then), weekLater)).isCloseTo(0.5, within(1e-9));
    assertThat(decay.decayed(decay.weight(weekLater), weekLater)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void recentTogetherCountsMoreThanLongAgoTogether() {
    ForwardDecay decay = new ForwardDecay(ForwardDecay.DEFAULT_ORIGIN, Duration.ofDays(7).toSeconds());
    MemoryCoOccurrence stats = new MemoryCoOccurrence();
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    for (int i = 0; i < 5; i++) {
      BasketLearner.learn(List.of("a", "old"), decay.weight(now.minus(Duration.ofDays(60))), stats);
      BasketLearner.learn(List.of("old", "x" + i), decay.weight(now.minus(Duration.ofDays(60))), stats);
    }
    for (int i = 0; i < 2; i++) {
      BasketLearner.learn(List.of("a", "new"), decay.weight(now), stats);
      BasketLearner.learn(List.of("new", "y" + i), decay.weight(now), stats);
    }
    assertThat(ItemToItem.rank("a", stats, 1, item -> true)).extracting(Scored::item).containsExactly("new");
  }

  @Test
  void forYouSumsTheNeighboursOfEverythingOfInterestButWhatIsExcluded() {
    MemoryCoOccurrence stats = new MemoryCoOccurrence();
    BasketLearner.learn(List.of("tent", "stove"), 1, stats);
    BasketLearner.learn(List.of("boots", "stove"), 1, stats);
    BasketLearner.learn(List.of("boots", "socks"), 1, stats);
    BasketLearner.learn(List.of("tent", "lamp"), 1, stats);
    List<Scored> forYou = Personal.rank(Map.of("tent", 1.0, "boots", 1.0), stats, 10, item -> true, Set.of("lamp"));
    assertThat(forYou).extracting(Scored::item).containsExactly("stove", "socks");
  }

  @Test
  void forYouMayRecommendAnItemOfInterestWhenAskedButNeverAnExcludedOne() {
    MemoryCoOccurrence stats = new MemoryCoOccurrence();
    BasketLearner.learn(List.of("tent", "stove"), 1, stats);
    BasketLearner.learn(List.of("stove", "lamp"), 1, stats);
    Map<String, Double> interests = Map.of("tent", 1.0, "stove", 0.5, "lamp", 0.5);
    assertThat(Personal.rank(interests, stats, 10, item -> true, Set.of())).isEmpty();
    assertThat(Personal.rank(interests, stats, 10, item -> true, Set.of("tent"), true)).extracting(Scored::item)
        .containsExactly("stove", "lamp");
  }

  @Test
  void popularityRanksByWeightAmongTheEligible() {
    assertThat(Popularity.rank(Map.of("a", 3.0, "b", 5.0, "c", 9.0), 2, item -> !item.equals("c")))
        .extracting(Scored::item).containsExactly("b", "a");
  }

  @Test
  void addingASessionsViewsOneByOneLearnsWhatTheWholeSessionTeaches() {
    MemoryCoOccurrence whole = new MemoryCoOccurrence();
    BasketLearner.learn(List.of("a", "b", "c", "b"), 2, whole);
    MemoryCoOccurrence oneByOne = new MemoryCoOccurrence();
    List<String> session = new java.util.ArrayList<>();
    for (String view : List.of("a", "b", "c", "b")) {
      BasketLearner.learnAddition(session, view, 2, oneByOne);
      session.add(view);
    }
    assertThat(oneByOne.itemWeights()).isEqualTo(whole.itemWeights());
    for (String item : List.of("a", "b", "c")) {
      assertThat(oneByOne.neighbours(item)).isEqualTo(whole.neighbours(item));
    }
  }

  @Test
  void similarRanksCategoryThenBrandThenPriceBandAndSharedValues() {
    ContentSimilarity.Features tent = new ContentSimilarity.Features("camping", "acme", new java.math.BigDecimal("100"),
        Map.of("colour", Set.of("green")));
    Map<String, ContentSimilarity.Features> candidates = Map.of(
        "sameCategoryAndBrand", new ContentSimilarity.Features("camping", "acme", new java.math.BigDecimal("300"),
            Map.of()),
        "sameCategoryCheap", new ContentSimilarity.Features("camping", null, new java.math.BigDecimal("90"),
            Map.of("colour", Set.of("green"))),
        "brandOnly", new ContentSimilarity.Features("kitchen", "acme", new java.math.BigDecimal("5"), Map.of()),
        "nothingInCommon", new ContentSimilarity.Features("kitchen", "other", new java.math.BigDecimal("5"), Map.of()),
        "tent", tent);
    assertThat(ContentSimilarity.rank("tent", tent, candidates, 10)).extracting(Scored::item)
        .containsExactly("sameCategoryAndBrand", "sameCategoryCheap", "brandOnly");
  }
}
