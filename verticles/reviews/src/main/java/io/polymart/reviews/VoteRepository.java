package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.bson.Document;

import java.util.Date;
import java.util.List;

/**
 * Helpful votes in {@code review_votes}: {@code {_id: "<userId>:<reviewId>", reviewId, userId, helpful, op,
 * pendingSince}}, one per user and review. {@code helpful} is true, false, or null once the vote is withdrawn (the
 * document stays, so that a withdrawal not yet counted can be found). {@code pendingSince} is set by the same write
 * as the vote and removed once the review's counts include it: a vote pending for long was cut short by a crash.
 */
final class VoteRepository {
  static final String COLLECTION = "review_votes";
  private final Vertx vertx;
  private final MongoCollection<Document> votes;

  VoteRepository(Vertx vertx, MongoCollection<Document> votes) {
    this.vertx = vertx;
    this.votes = votes;
  }

  static String id(String userId, String reviewId) {
    return userId + ":" + reviewId;
  }

  Future<Void> createIndexes() {
    return Publishers.first(vertx, votes.createIndex(Indexes.ascending("reviewId", "helpful")))
        .compose(v -> Publishers.first(vertx, votes.createIndex(Indexes.ascending("pendingSince"))))
        .mapEmpty();
  }

  /**
   * Sets the user's vote (null withdraws it) as operation {@code op}, pending; completes with the vote as it was
   * before (null when there was none). A withdrawal never creates a document.
   */
  Future<Document> put(String userId, String reviewId, Boolean helpful, String op) {
    boolean create = helpful != null;
    return Publishers.collect(vertx, votes.findOneAndUpdate(Filters.eq("_id", id(userId, reviewId)),
            Updates.combine(Updates.set("reviewId", reviewId), Updates.set("userId", userId),
                Updates.set("helpful", helpful), Updates.set("op", op), Updates.set("pendingSince", new Date())),
            new FindOneAndUpdateOptions().upsert(create).returnDocument(ReturnDocument.BEFORE)))
        .map(found -> found.isEmpty() ? null : found.get(0));
  }

  /** The vote of operation {@code op} is counted: no longer pending (unless another vote of the user replaced it). */
  Future<Void> settle(String userId, String reviewId, String op) {
    return Publishers.first(vertx, votes.updateOne(
        Filters.and(Filters.eq("_id", id(userId, reviewId)), Filters.eq("op", op)),
        Updates.unset("pendingSince"))).mapEmpty();
  }

  /** How many votes of the review are {@code helpful} (true or false). */
  Future<Long> count(String reviewId, boolean helpful) {
    return Publishers.first(vertx, votes.countDocuments(
        Filters.and(Filters.eq("reviewId", reviewId), Filters.eq("helpful", helpful))));
  }

  /** Whether a vote of the review has been pending since {@code since} or later: one that may still be counted. */
  Future<Boolean> pendingSince(String reviewId, Date since) {
    return Publishers.first(vertx, votes.countDocuments(
            Filters.and(Filters.eq("reviewId", reviewId), Filters.gte("pendingSince", since))))
        .map(n -> n > 0);
  }

  /** Up to {@code limit} votes pending since before {@code before}. */
  Future<List<Document>> stuck(Date before, int limit) {
    return Publishers.collect(vertx, votes.find(Filters.lt("pendingSince", before)).limit(limit));
  }

  /** The review's votes pending since before {@code before} are accounted for by a recount. */
  Future<Void> settleStuck(String reviewId, Date before) {
    return Publishers.first(vertx, votes.updateMany(
        Filters.and(Filters.eq("reviewId", reviewId), Filters.lt("pendingSince", before)),
        Updates.unset("pendingSince"))).mapEmpty();
  }
}
