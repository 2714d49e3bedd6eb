package io.polymart.reviews;

import io.vertx.core.Future;
import org.bson.Document;

import java.util.List;

/**
 * Reviews written before reviews had a {@code revision} (data directories of earlier builds): {@code review_stats}
 * counted the PUBLISHED ones but has no {@code counted} entry for them, so their first change would count them
 * again. At start, before the instance serves, each gets the entry of its revision 0 (what the stats counted) and
 * then revision 0. Both writes are conditional, so instances starting at once, or one already serving, agree.
 */
final class LegacyReviews {
  private final ReviewRepository reviews;
  private final ReviewStatsRepository stats;

  LegacyReviews(ReviewRepository reviews, ReviewStatsRepository stats) {
    this.reviews = reviews;
    this.stats = stats;
  }

  Future<Void> adopt() {
    return reviews.withoutRevision().compose(this::adopt);
  }

  private Future<Void> adopt(List<Document> legacy) {
    Future<Void> done = Future.succeededFuture();
    for (Document review : legacy) {
      done = done.compose(v -> stats.adopt(review).compose(w -> reviews.adopt(review.getString("_id"))));
    }
    return done;
  }
}
