package io.polymart.reviews;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/**
 * Per-product aggregates of PUBLISHED reviews in {@code review_stats}: {@code {_id: productId, count, sum, verified,
 * histogram: {"1".."5"}, version, changedAt, unpublished}}. Each change is one atomic update of one document (the
 * embedded MongoDB has no transactions), so concurrent publishes and unpublishes never lose a count; the average is
 * sum / count on reading.
 *
 * <p>The same update makes the document its own outbox entry for {@link RatingRelay}: {@code version} counts the
 * changes, {@code changedAt} is when the latest happened, in microseconds since the epoch ({@code $max}, so it never
 * goes back when two changes race)
 * and {@code unpublished: true} says the current version still has to reach {@code polymart.reviews}. The relay clears
 * the flag only if the version it sent is still the current one, so a change made while it was sending stays flagged.
 */
final class ReviewStatsRepository {
  static final String COLLECTION = "review_stats";
  private final Vertx vertx;
  private final MongoCollection<Document> stats;

  private final Runnable changed;

  /** @param changed told after each change, e.g. to wake the relay up */
  ReviewStatsRepository(Vertx vertx, MongoCollection<Document> stats, Runnable changed) {
    this.vertx = vertx;
    this.stats = stats;
    this.changed = changed;
  }

  /** Counts a review entering PUBLISHED ({@code sign} 1) or leaving it ({@code sign} -1). */
  Future<Void> add(String productId, int rating, boolean verified, int sign) {
    return increment(productId, rating, verified, sign)
        // two first reviews of a product may upsert at once: the loser finds the document there and increments it
        .recover(e -> isDuplicateKey(e) ? increment(productId, rating, verified, sign) : Future.failedFuture(e))
        .onSuccess(v -> changed.run());
  }

  private Future<Void> increment(String productId, int rating, boolean verified, int sign) {
    return Publishers.first(vertx, stats.updateOne(Filters.eq("_id", productId), Updates.combine(
        Updates.inc("count", sign), Updates.inc("sum", sign * rating), Updates.inc("verified", verified ? sign : 0),
        Updates.inc("histogram." + rating, sign), Updates.inc("version", 1), Updates.max("changedAt", RatingSnapshot.micros(Instant.now())),
        Updates.set("unpublished", true)), new UpdateOptions().upsert(true))).mapEmpty();
  }

  /** The product's aggregates, or null when none of its reviews was ever published. */
  Future<Document> find(String productId) {
    return Publishers.collect(vertx, stats.find(Filters.eq("_id", productId)).limit(1))
        .map((List<Document> found) -> found.isEmpty() ? null : found.get(0));
  }

  /** The relay looks for flagged documents. */
  Future<Void> createIndexes() {
    return Publishers.first(vertx, stats.createIndex(Indexes.ascending("unpublished"))).mapEmpty();
  }

  /** Up to {@code limit} documents whose current version has not been published yet. */
  Future<List<Document>> unpublished(int limit) {
    return Publishers.collect(vertx, stats.find(Filters.eq("unpublished", true)).limit(limit));
  }

  /**
   * Marks the version as published, unless the document has moved on meanwhile (then it stays flagged for the next
   * round). True if it was marked.
   */
  Future<Boolean> markPublished(String productId, long version) {
    return Publishers.first(vertx, stats.updateOne(
            Filters.and(Filters.eq("_id", productId), Filters.eq("version", version)),
            Updates.combine(Updates.set("unpublished", false), Updates.max("publishedVersion", version))))
        .map(result -> result.getModifiedCount() > 0);
  }

  private static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
