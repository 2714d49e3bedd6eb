package io.polymart.reviews;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What the demo shop's reviewers say about one product, drawn from a generator seeded by the product's slug (the
 * demo catalog's are the same on every machine): the same product always gets the same reviews, so a second start
 * (or one after a crash) plans exactly what the first did.
 * About {@value #REVIEWED_PERCENT} % of products are reviewed, each by 2 to 24 of {@value #REVIEWERS} demo reviewers,
 * around a quality of its own, with helpful and unhelpful votes from other reviewers.
 */
record DemoReviewPlan(UUID productId, List<PlannedReview> reviews) {
  static final int REVIEWERS = 200;
  static final int REVIEWED_PERCENT = 35;

  /** One review: who writes it, about which SKU, and who finds it helpful or not. */
  record PlannedReview(UUID reviewer, UUID skuId, int rating, String title, String body,
      List<UUID> helpfulVoters, List<UUID> unhelpfulVoters) {
  }

  /** The reviewer of index {@code i}: an id of no real account, the same on every machine. */
  static UUID reviewer(int i) {
    return UUID.nameUUIDFromBytes(("polymart-demo-reviewer-" + i).getBytes(StandardCharsets.UTF_8));
  }

  /** The plan for a product with this slug and these SKUs; no reviews for most products, or when it has no SKU. */
  static DemoReviewPlan of(UUID productId, String slug, List<UUID> skuIds) {
    UUID seed = UUID.nameUUIDFromBytes(slug.getBytes(StandardCharsets.UTF_8));
    Random random = new Random(seed.getMostSignificantBits() ^ seed.getLeastSignificantBits());
    if (skuIds.isEmpty() || random.nextInt(100) >= REVIEWED_PERCENT) {
      return new DemoReviewPlan(productId, List.of());
    }
    double quality = 2.6 + random.nextDouble() * 2.3;
    int count = 2 + random.nextInt(random.nextInt(4) == 0 ? 23 : 9);
    List<Integer> pool = shuffledReviewers(random);
    List<PlannedReview> reviews = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int rating = rating(random, quality);
      int phrase = random.nextInt(DemoPhrases.variants());
      boolean chinese = random.nextInt(4) == 0;
      UUID skuId = skuIds.get(random.nextInt(skuIds.size()));
      // the voters come from the far end of the pool, so no one votes on their own review
      List<Integer> voters = pool.subList(count, pool.size());
      int helpful = random.nextInt(3) == 0 ? 0 : random.nextInt(1 + (rating >= 4 ? 30 : 10));
      int unhelpful = random.nextInt(1 + (rating <= 2 ? 12 : 4));
      List<UUID> helpfulVoters = new ArrayList<>();
      List<UUID> unhelpfulVoters = new ArrayList<>();
      int offset = random.nextInt(voters.size());
      for (int v = 0; v < Math.min(helpful + unhelpful, voters.size()); v++) {
        UUID voter = reviewer(voters.get((offset + v) % voters.size()));
        (v < helpful ? helpfulVoters : unhelpfulVoters).add(voter);
      }
      reviews.add(new PlannedReview(reviewer(pool.get(i)), skuId, rating,
          DemoPhrases.title(rating, phrase, chinese), DemoPhrases.body(rating, phrase, chinese),
          List.copyOf(helpfulVoters), List.copyOf(unhelpfulVoters)));
    }
    return new DemoReviewPlan(productId, List.copyOf(reviews));
  }

  private static List<Integer> shuffledReviewers(Random random) {
    List<Integer> pool = new ArrayList<>();
    for (int i = 0; i < REVIEWERS; i++) {
      pool.add(i);
    }
    Collections.shuffle(pool, random);
    return pool;
  }

  /** A star rating scattered around the product's quality: mostly near it, now and then far off. */
  private static int rating(Random random, double quality) {
    double drawn = quality + random.nextGaussian() * 0.9;
    return (int) Math.max(1, Math.min(5, Math.round(drawn)));
  }
}
