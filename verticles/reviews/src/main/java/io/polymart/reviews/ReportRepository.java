package io.polymart.reviews;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.bson.Document;

import java.util.Date;

/**
 * Reports of reviews in {@code review_reports}: {@code {_id: "<userId>:<reviewId>", reviewId, userId, reason,
 * createdAt}}; the id keeps one report per user and review.
 */
final class ReportRepository {
  static final String COLLECTION = "review_reports";
  private final Vertx vertx;
  private final MongoCollection<Document> reports;

  ReportRepository(Vertx vertx, MongoCollection<Document> reports) {
    this.vertx = vertx;
    this.reports = reports;
  }

  Future<Void> createIndexes() {
    return Publishers.first(vertx, reports.createIndex(Indexes.ascending("reviewId", "createdAt"))).mapEmpty();
  }

  /** Stores the user's report; completes with false when they had reported the review already. */
  Future<Boolean> insert(String userId, String reviewId, String reason) {
    Document report = new Document("_id", userId + ":" + reviewId).append("reviewId", reviewId)
        .append("userId", userId).append("reason", reason).append("createdAt", new Date());
    return Publishers.first(vertx, reports.insertOne(report)).map(r -> true)
        .recover(e -> e instanceof MongoWriteException write
            && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
            ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /** How many reports of the review were made after {@code since} (all of them when null). */
  Future<Long> countSince(String reviewId, Date since) {
    return Publishers.first(vertx, reports.countDocuments(since == null ? Filters.eq("reviewId", reviewId)
        : Filters.and(Filters.eq("reviewId", reviewId), Filters.gt("createdAt", since))));
  }
}
