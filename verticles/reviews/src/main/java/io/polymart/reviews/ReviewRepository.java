package io.polymart.reviews;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Date;
import java.util.List;

/**
 * Reviews in {@code reviews}: {@code {_id, productId, userId, authorName, rating, title, body, skuId, verified,
 * status, createdAt, updatedAt, sellerId, skuAttributes, reply: {body, createdAt, updatedAt}, helpfulCount,
 * unhelpfulCount, helpfulScore, votesVersion, hiddenByReports, reportsSince, images, revision, revisedAt, pending}},
 * ids as strings ({@code sellerId} and {@code skuAttributes} are missing from reviews stored before they were kept,
 * {@code reply} until the seller replies). A unique index on (userId, productId) keeps one review per user and
 * product, even when two arrive at once. {@code revision} counts the review's changes and {@code pending} says the
 * latest is not in {@code review_stats} yet (see {@link ReviewSettlement}).
 */
final class ReviewRepository {
  static final String COLLECTION = "reviews";
  private final Vertx vertx;
  private final MongoCollection<Document> reviews;

  ReviewRepository(Vertx vertx, MongoCollection<Document> reviews) {
    this.vertx = vertx;
    this.reviews = reviews;
  }

  Future<Void> createIndexes() {
    return Publishers.first(vertx, reviews.createIndex(Indexes.ascending("userId", "productId"),
            new IndexOptions().unique(true)))
        .compose(v -> Publishers.first(vertx, reviews.createIndex(Indexes.ascending("productId", "status"))))
        // sort=helpful
        .compose(v -> Publishers.first(vertx, reviews.createIndex(Indexes.compoundIndex(
            Indexes.ascending("productId", "status"), Indexes.descending(ReviewVotes.SCORE, "createdAt", "_id")))))
        .compose(v -> Publishers.first(vertx, reviews.createIndex(Indexes.ascending("pending"))))
        .compose(v -> Publishers.first(vertx, reviews.createIndex(Indexes.ascending(ReviewAudit.PENDING))))
        .mapEmpty();
  }

  /** Inserts a new review; completes with false when the user already reviewed the product. */
  Future<Boolean> insert(Document review) {
    return Publishers.first(vertx, reviews.insertOne(review)).map(r -> true)
        .recover(e -> e instanceof MongoWriteException write
            && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
            ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /**
   * Applies the update to the review the filter matches, atomically, and completes with the review as the update left
   * it, or null when none matches: a caller whose filter names the status it moves from learns whether it moved it.
   */
  Future<Document> update(Bson filter, Bson update) {
    return Publishers.collect(vertx, reviews.findOneAndUpdate(filter, update,
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
        .map(found -> found.isEmpty() ? null : found.get(0));
  }

  /**
   * Applies an update that does not touch what {@code review_stats} counts (votes, the seller's reply) to the review
   * the filter matches, unless it is deleted, atomically; completes with the review as it was before, or null when
   * none matches.
   */
  Future<Document> change(Bson filter, Bson update) {
    return Publishers.collect(vertx, reviews.findOneAndUpdate(
            Filters.and(filter, Filters.ne("status", ReviewStatus.DELETED.name())), update,
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)))
        .map(found -> found.isEmpty() ? null : found.get(0));
  }

  /** Clears the review's {@code pending} flag, unless it has moved past this revision meanwhile. */
  Future<Void> settled(String id, long revision) {
    return Publishers.first(vertx, reviews.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("revision", revision)),
        Updates.unset("pending"))).mapEmpty();
  }

  /**
   * Removes a deleted review's tombstone for good (a tombstone never changes again), unless audit entries still wait
   * in it: it then stays pending, and a later settling ({@link ReviewSettlement#repair}) purges it once they are out.
   */
  Future<Void> purge(String id) {
    return Publishers.first(vertx, reviews.deleteOne(Filters.and(Filters.eq("_id", id),
        Filters.eq("status", ReviewStatus.DELETED.name()), Filters.ne(ReviewAudit.PENDING, true)))).mapEmpty();
  }

  /** Up to {@code limit} reviews with audit entries waiting to be published ({@link ReviewAudit}). */
  Future<List<Document>> withAuditEntries(int limit) {
    return Publishers.collect(vertx, reviews.find(Filters.eq(ReviewAudit.PENDING, true)).limit(limit));
  }

  /** Removes the entries sent from the review, then its flag if no other entry arrived meanwhile. */
  Future<Void> auditSent(String id, List<Document> sent) {
    return Publishers.first(vertx, reviews.updateOne(Filters.eq("_id", id), Updates.pullAll(ReviewAudit.ENTRIES, sent)))
        .compose(v -> Publishers.first(vertx, reviews.updateOne(Filters.and(Filters.eq("_id", id),
            Filters.size(ReviewAudit.ENTRIES, 0)), Updates.unset(ReviewAudit.PENDING))))
        .mapEmpty();
  }

  /** Up to {@code limit} reviews still {@code pending} whose latest revision is older than {@code revisedBefore}. */
  Future<List<Document>> pending(Date revisedBefore, int limit) {
    return Publishers.collect(vertx, reviews.find(Filters.and(Filters.eq("pending", true),
        Filters.lt("revisedAt", revisedBefore))).limit(limit));
  }

  /** Reviews from before revisions (see {@link LegacyReviews}). */
  Future<List<Document>> withoutRevision() {
    return Publishers.collect(vertx, reviews.find(Filters.exists("revision", false)));
  }

  /** Gives a review from before revisions its revision 0, unless a change gave it one meanwhile. */
  Future<Void> adopt(String id) {
    return Publishers.first(vertx, reviews.updateOne(Filters.and(Filters.eq("_id", id),
        Filters.exists("revision", false)), Updates.set("revision", 0L))).mapEmpty();
  }

  /** The user's review of the product, in any status (a tombstone too), or null. */
  Future<Document> byAuthor(String userId, String productId) {
    return Publishers.collect(vertx, reviews.find(Filters.and(Filters.eq("userId", userId),
            Filters.eq("productId", productId))).limit(1))
        .map(found -> found.isEmpty() ? null : found.get(0));
  }

  Future<Document> get(String id) {
    return Publishers.collect(vertx, reviews.find(Filters.eq("_id", id)).limit(1))
        .map(found -> found.isEmpty() ? null : found.get(0));
  }

  /** The review {@code moderator} may act on; null when there is none, or it is deleted. */
  Future<Document> forModerator(Moderator moderator, String id) {
    return Publishers.collect(vertx, reviews.find(moderator.scoped(Filters.and(Filters.eq("_id", id),
            Filters.ne("status", ReviewStatus.DELETED.name())))).limit(1))
        .map(found -> found.isEmpty() ? null : found.get(0));
  }

  /** Reviews the filter matches, in {@code sort} order; a {@code limit} of 0 reads them all. */
  Future<List<Document>> find(Bson filter, Bson sort, int skip, int limit) {
    return Publishers.collect(vertx, reviews.find(filter).sort(sort).skip(skip).limit(limit));
  }

  Future<Long> count(Bson filter) {
    return Publishers.first(vertx, reviews.countDocuments(filter));
  }
}
