package io.polymart.reviews;

import io.vertx.core.Future;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Brings {@code review_stats} in step with a review's latest revision. Every change of a review is one atomic update
 * that also counts its {@code revision} and flags it {@code pending}; settling applies that revision to the stats
 * (idempotent, see {@link ReviewStatsRepository#apply}) and then clears the flag, unless the review moved on
 * meanwhile. The service settles each change at once, so the stats are up to date when it answers; a crash between
 * the two writes leaves the review pending, and {@link #repair} (run by the {@link RatingRelay}) settles it later.
 * Settling twice, or from two instances at once, counts once.
 *
 * <p>A deleted review is a tombstone (status DELETED, text dropped) until it is settled: its removal from the stats
 * and its ReviewRemoved (written to the stats document's outbox by the same update) survive a crash. Once settled,
 * the tombstone is removed for good.
 */
final class ReviewSettlement {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewSettlement.class);
  /** Pending reviews younger than this are left to the instance that changed them. */
  static final Duration REPAIR_AFTER = Duration.ofSeconds(2);
  private final ReviewRepository reviews;
  private final ReviewStatsRepository stats;

  ReviewSettlement(ReviewRepository reviews, ReviewStatsRepository stats) {
    this.reviews = reviews;
    this.stats = stats;
  }

  /** Applies the review's revision to the stats, then clears its pending flag (or removes its tombstone). */
  Future<Void> settle(Document review) {
    String id = review.getString("_id");
    return stats.apply(review).compose(v -> ReviewStatus.DELETED.name().equals(review.getString("status"))
        ? reviews.purge(id) : reviews.settled(id, RatingSnapshot.number(review.get("revision"))));
  }

  /**
   * Settles up to {@code limit} reviews left pending for longer than {@link #REPAIR_AFTER}; completes with how many it
   * found. One that fails to settle stays pending for the next call, without holding the others up.
   */
  Future<Integer> repair(int limit) {
    return reviews.pending(Date.from(Instant.now().minus(REPAIR_AFTER)), limit).compose(found ->
        Future.join(found.stream().map(review -> settle(review).onFailure(e -> LOG.warn(
            "Review {} could not be settled into review_stats; it stays pending: {}", review.getString("_id"),
            e.toString()))).toList()).transform(all -> Future.succeededFuture(found.size())));
  }
}
