package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Repairs the counts of reviews whose vote was cut short: a process that died between a vote's write and the
 * review's {@code $inc} leaves that vote pending for good (see {@link ReviewVotes}). A review with a vote pending for
 * longer than {@code stuckAfter} is recounted from {@code review_votes}, but only when no recent vote of it is pending
 * (checked before and after counting) and with a filter on the review's {@code votesVersion} as read first: a vote
 * that moved the counts meanwhile makes the recount change nothing, and the next round tries again.
 */
final class VoteRepair {
  private static final Logger LOG = LoggerFactory.getLogger(VoteRepair.class);
  private static final int BATCH = 100;
  private final ReviewRepository reviews;
  private final VoteRepository votes;
  private final Duration stuckAfter;
  private boolean running;

  VoteRepair(ReviewRepository reviews, VoteRepository votes, Duration stuckAfter) {
    this.reviews = reviews;
    this.votes = votes;
    this.stuckAfter = stuckAfter;
  }

  /** One round (none while the previous one is still going); completes with how many reviews it recounted. */
  Future<Integer> run() {
    if (running) {
      return Future.succeededFuture(0);
    }
    running = true;
    Date cutoff = new Date(System.currentTimeMillis() - stuckAfter.toMillis());
    return votes.stuck(cutoff, BATCH).compose(stuck -> {
      Set<String> reviewIds = new LinkedHashSet<>();
      stuck.forEach(vote -> reviewIds.add(vote.getString("reviewId")));
      Future<Integer> done = Future.succeededFuture(0);
      for (String reviewId : reviewIds) {
        done = done.compose(n -> recount(reviewId, cutoff).map(recounted -> recounted ? n + 1 : n));
      }
      return done;
    }).onFailure(e -> LOG.warn("Looking for votes cut short failed; the next round tries again", e))
        .onComplete(v -> running = false);
  }

  private Future<Boolean> recount(String reviewId, Date cutoff) {
    return reviews.get(reviewId).compose(review -> {
      if (review == null) {
        return votes.settleStuck(reviewId, cutoff).map(false);
      }
      Object version = review.get(ReviewVotes.VERSION);
      return votes.pendingSince(reviewId, cutoff).compose(busy -> busy ? Future.succeededFuture(false)
          : Future.all(votes.count(reviewId, true), votes.count(reviewId, false)).compose(counted ->
              votes.pendingSince(reviewId, cutoff).compose(stillBusy -> stillBusy ? Future.succeededFuture(false)
                  : write(reviewId, version, counted.<Long>resultAt(0).intValue(),
                      counted.<Long>resultAt(1).intValue(), cutoff))));
    }).onFailure(e -> LOG.warn("Recounting the votes of review {} failed; the next round tries again", reviewId, e));
  }

  private Future<Boolean> write(String reviewId, Object version, int helpful, int unhelpful, Date cutoff) {
    return reviews.change(Filters.and(Filters.eq("_id", reviewId), Filters.eq(ReviewVotes.VERSION, version)),
        Updates.combine(Updates.set(ReviewVotes.HELPFUL, helpful), Updates.set(ReviewVotes.UNHELPFUL, unhelpful),
            Updates.set(ReviewVotes.SCORE, WilsonScore.lowerBound(helpful, unhelpful)),
            Updates.inc(ReviewVotes.VERSION, 1))).compose((Document before) -> {
              if (before == null) {
                return Future.succeededFuture(false);
              }
              LOG.info("Recounted the votes of review {}: {} helpful, {} not (were {} and {})", reviewId, helpful,
                  unhelpful, ReviewVotes.number(before, ReviewVotes.HELPFUL),
                  ReviewVotes.number(before, ReviewVotes.UNHELPFUL));
              return votes.settleStuck(reviewId, cutoff).map(true);
            });
  }
}
