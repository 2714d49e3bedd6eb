package io.polymart.reviews;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.bson.Document;

import java.util.List;

/**
 * Per-product aggregates of PUBLISHED reviews in {@code review_stats}: {@code {_id: productId, count, sum, verified,
 * histogram: {"1".."5"}}}. Each change is one atomic {@code $inc} of one document (the embedded MongoDB has no
 * transactions), so concurrent publishes and unpublishes never lose a count; the average is sum / count on reading.
 */
final class ReviewStatsRepository {
  static final String COLLECTION = "review_stats";
  private final Vertx vertx;
  private final MongoCollection<Document> stats;

  ReviewStatsRepository(Vertx vertx, MongoCollection<Document> stats) {
    this.vertx = vertx;
    this.stats = stats;
  }

  /** Counts a review entering PUBLISHED ({@code sign} 1) or leaving it ({@code sign} -1). */
  Future<Void> add(String productId, int rating, boolean verified, int sign) {
    return increment(productId, rating, verified, sign)
        // two first reviews of a product may upsert at once: the loser finds the document there and increments it
        .recover(e -> isDuplicateKey(e) ? increment(productId, rating, verified, sign) : Future.failedFuture(e));
  }

  private Future<Void> increment(String productId, int rating, boolean verified, int sign) {
    return Publishers.first(vertx, stats.updateOne(Filters.eq("_id", productId), Updates.combine(
        Updates.inc("count", sign), Updates.inc("sum", sign * rating), Updates.inc("verified", verified ? sign : 0),
        Updates.inc("histogram." + rating, sign)), new UpdateOptions().upsert(true))).mapEmpty();
  }

  /** The product's aggregates, or null when none of its reviews was ever published. */
  Future<Document> find(String productId) {
    return Publishers.collect(vertx, stats.find(Filters.eq("_id", productId)).limit(1))
        .map((List<Document> found) -> found.isEmpty() ? null : found.get(0));
  }

  private static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
