package io.polymart.reviews;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.util.UUID;

/**
 * Helpful votes on published reviews. The review keeps {@code helpfulCount}, {@code unhelpfulCount} and
 * {@code helpfulScore} (the Wilson lower bound of those counts, by which {@code sort=helpful} orders).
 *
 * <p>A vote is two single-document steps, each atomic: the vote's write returns the vote it replaced, and one
 * {@code $inc} moves the review's counts by the difference, so concurrent votes never lose a count. The score is then
 * set only if the counts are still those it was computed from; whoever moved them last sets it for the final counts.
 * A crash between the steps leaves the vote pending; {@link VoteRepair} recounts such reviews.
 */
final class ReviewVotes {
  static final String HELPFUL = "helpfulCount";
  static final String UNHELPFUL = "unhelpfulCount";
  static final String SCORE = "helpfulScore";
  /** Counts every change of the counts, so that a recount knows nothing moved them meanwhile. */
  static final String VERSION = "votesVersion";
  private final ReviewRepository reviews;
  private final VoteRepository votes;

  ReviewVotes(ReviewRepository reviews, VoteRepository votes) {
    this.reviews = reviews;
    this.votes = votes;
  }

  /**
   * The user's vote on a published review (anything else answers 404; their own review 403 OWN_REVIEW); voting again
   * replaces the vote. Completes with the review's counts and the user's vote.
   */
  Future<JsonObject> vote(UUID userId, String reviewId, boolean helpful) {
    return reviews.get(reviewId).compose(review -> {
      if (review == null || !ReviewStatus.PUBLISHED.name().equals(review.getString("status"))) {
        return Future.failedFuture(ServiceException.notFound("Review not found"));
      }
      if (review.getString("userId").equals(userId.toString())) {
        return Future.failedFuture(new ServiceException(403, "OWN_REVIEW",
            "You cannot vote on your own review", null, null));
      }
      return change(userId.toString(), reviewId, helpful);
    });
  }

  /** Withdraws the user's vote, if any. */
  Future<Void> withdraw(UUID userId, String reviewId) {
    return change(userId.toString(), reviewId, null).mapEmpty();
  }

  private Future<JsonObject> change(String userId, String reviewId, Boolean helpful) {
    String op = UUID.randomUUID().toString();
    return votes.put(userId, reviewId, helpful, op)
        // the same user's two first votes may upsert at once: the loser finds the document and replaces the vote
        .recover(e -> isDuplicateKey(e) ? votes.put(userId, reviewId, helpful, op) : Future.failedFuture(e))
        .compose(before -> {
          Boolean previous = before == null ? null : before.getBoolean("helpful");
          int helpfulDelta = is(helpful, true) - is(previous, true);
          int unhelpfulDelta = is(helpful, false) - is(previous, false);
          Future<Document> counted = helpfulDelta == 0 && unhelpfulDelta == 0 ? reviews.get(reviewId)
              : count(reviewId, helpfulDelta, unhelpfulDelta);
          // a vote that replaced a pending one (in flight, or cut short by a crash) stays pending: the repair
          // recounts the review once it is quiet, whether or not the one replaced was counted
          boolean replacedPending = before != null && before.get("pendingSince") != null;
          return counted.compose(review -> replacedPending ? Future.succeededFuture(review)
              : votes.settle(userId, reviewId, op).map(v -> review));
        })
        .map(review -> counts(reviewId, review).put("myVote", helpful));
  }

  /** Moves the counts and completes with the review as the move left it (null when it is gone). */
  private Future<Document> count(String reviewId, int helpfulDelta, int unhelpfulDelta) {
    return reviews.change(Filters.eq("_id", reviewId), Updates.combine(Updates.inc(HELPFUL, helpfulDelta),
        Updates.inc(UNHELPFUL, unhelpfulDelta), Updates.inc(VERSION, 1))).compose(before -> {
          if (before == null) {
            return Future.succeededFuture(null);
          }
          Document after = new Document(before);
          int helpfulCount = number(before, HELPFUL) + helpfulDelta;
          int unhelpfulCount = number(before, UNHELPFUL) + unhelpfulDelta;
          after.put(HELPFUL, helpfulCount);
          after.put(UNHELPFUL, unhelpfulCount);
          return score(reviewId, helpfulCount, unhelpfulCount).map(v -> after);
        });
  }

  /**
   * Sets the score of these counts if the review still has them. If another vote moved them meanwhile, that vote
   * sets the score of its counts after its own move, so the last move leaves the score of the final counts.
   */
  private Future<Void> score(String reviewId, int helpfulCount, int unhelpfulCount) {
    return reviews.change(Filters.and(Filters.eq("_id", reviewId), Filters.eq(HELPFUL, helpfulCount),
            Filters.eq(UNHELPFUL, unhelpfulCount)),
        Updates.set(SCORE, WilsonScore.lowerBound(helpfulCount, unhelpfulCount))).mapEmpty();
  }

  private static JsonObject counts(String reviewId, Document review) {
    return new JsonObject().put("reviewId", reviewId)
        .put(HELPFUL, review == null ? 0 : number(review, HELPFUL))
        .put(UNHELPFUL, review == null ? 0 : number(review, UNHELPFUL));
  }

  static int number(Document review, String field) {
    return review.get(field) instanceof Number n ? n.intValue() : 0;
  }

  private static int is(Boolean vote, boolean value) {
    return vote != null && vote == value ? 1 : 0;
  }

  private static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
