package io.polymart.reviews;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DemoReviewPlanTest {
  private static final List<UUID> SKUS = List.of(UUID.randomUUID(), UUID.randomUUID());

  private static UUID product(int i) {
    return UUID.nameUUIDFromBytes(("product-" + i).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSameProductAlwaysGetsTheSameReviews() {
    for (int i = 0; i < 50; i++) {
      assertThat(DemoReviewPlan.of(product(i), "demo-" + i, SKUS))
          .isEqualTo(DemoReviewPlan.of(product(i), "demo-" + i, SKUS));
    }
  }

  @Test
  void aboutAThirdOfTheProductsAreReviewedWithPlausibleRatings() {
    int reviewed = 0;
    double ratingSum = 0;
    int ratings = 0;
    for (int i = 0; i < 1000; i++) {
      DemoReviewPlan plan = DemoReviewPlan.of(product(i), "demo-" + i, SKUS);
      if (!plan.reviews().isEmpty()) {
        reviewed++;
        assertThat(plan.reviews()).hasSizeBetween(2, 24);
      }
      for (DemoReviewPlan.PlannedReview review : plan.reviews()) {
        assertThat(review.rating()).isBetween(1, 5);
        assertThat(SKUS).contains(review.skuId());
        assertThat(review.title()).isNotBlank();
        assertThat(review.body()).isNotBlank();
        ratingSum += review.rating();
        ratings++;
      }
    }
    assertThat(reviewed).isBetween(280, 420);
    assertThat(ratingSum / ratings).isBetween(3.2, 4.3);
  }

  @Test
  void everyReviewerWritesOnceAndNoOneVotesOnTheirOwnReviewOrTwice() {
    for (int i = 0; i < 300; i++) {
      DemoReviewPlan plan = DemoReviewPlan.of(product(i), "demo-" + i, SKUS);
      Set<UUID> authors = new HashSet<>();
      plan.reviews().forEach(review -> assertThat(authors.add(review.reviewer())).isTrue());
      for (DemoReviewPlan.PlannedReview review : plan.reviews()) {
        Set<UUID> voters = new HashSet<>(review.helpfulVoters());
        review.unhelpfulVoters().forEach(voter -> assertThat(voters.add(voter)).isTrue());
        assertThat(voters).doesNotContainAnyElementsOf(authors);
      }
    }
  }

  @Test
  void aProductWithoutSkusGetsNoReviews() {
    for (int i = 0; i < 20; i++) {
      assertThat(DemoReviewPlan.of(product(i), "demo-" + i, List.of()).reviews()).isEmpty();
    }
  }
}
