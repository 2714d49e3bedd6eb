package io.polymart.reviews;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-product aggregates of PUBLISHED reviews in {@code review_stats}: {@code {_id: productId, count, sum, verified,
 * withImages, histogram: {"1".."5"}, counted: {<reviewId>: {revision, published, rating?, verified?, withImages?}},
 * events: [{id, value}], version, changedAt, unpublished}}. The average is sum / count on reading.
 *
 * <p>Applying a review is idempotent: {@code counted} remembers which revision of each review the aggregates hold and
 * what it counted, and {@link #apply} moves them by the difference to a newer revision in one update conditional on
 * that entry being unchanged (compare-and-set, retried on a lost race). Applying a revision twice, concurrently, or
 * after a newer one changes nothing. The embedded MongoDB has no transactions: the review and its stats are two
 * documents, so the review carries a {@code pending} flag until its revision is applied (see
 * {@link ReviewSettlement}). Entries of deleted reviews stay (a few bytes each) so that a late application of an
 * older revision can never count them again.
 *
 * <p>The same update makes the document its own outbox: a change of the aggregates counts a {@code version},
 * {@code changedAt} (microseconds since the epoch; {@code $max}, so it never goes back when two changes race) and
 * flags {@code unpublished: true}; a review entering or leaving PUBLISHED also appends its ReviewPublished or
 * ReviewRemoved to {@code events}. A {@link RatingRelay} claims the document ({@code claimedBy}, {@code claimedUntil}),
 * sends them, then removes the events it sent, clears the flag only if the version it sent is still the current one
 * (so a change made while it was sending stays flagged) and gives the claim up.
 */
final class ReviewStatsRepository {
  static final String COLLECTION = "review_stats";
  private static final Bson WITHOUT_ENTRIES = Projections.exclude("counted");
  private final Vertx vertx;
  private final MongoCollection<Document> stats;

  private final Runnable changed;
  private final Runnable published;

  /**
   * @param changed told after each change, e.g. to wake the relay up
   * @param published told once each time a review enters PUBLISHED (however many instances settle it)
   */
  ReviewStatsRepository(Vertx vertx, MongoCollection<Document> stats, Runnable changed, Runnable published) {
    this.vertx = vertx;
    this.stats = stats;
    this.changed = changed;
    this.published = published;
  }

  /**
   * Brings the product's aggregates to the review's revision (its {@code revision} field), unless they hold it or a
   * newer one already.
   */
  Future<Void> apply(Document review) {
    String productId = review.getString("productId");
    String reviewId = review.getString("_id");
    String entry = "counted." + reviewId;
    CountedReview after = CountedReview.of(review);
    return counted(productId, reviewId).compose(current -> {
      CountedReview before = CountedReview.from(current);
      if (current != null && before.revision() >= after.revision()) {
        return Future.succeededFuture();
      }
      Bson unchanged = current == null ? Filters.exists(entry, false)
          : Filters.eq(entry + ".revision", before.revision());
      // no document yet: the upsert creates it; one created meanwhile fails it with a duplicate key, a lost race
      Future<Boolean> written = Publishers.first(vertx, stats.updateOne(
              Filters.and(Filters.eq("_id", productId), unchanged), update(entry, review, before, after),
              new UpdateOptions().upsert(current == null)))
          .map(result -> result.getMatchedCount() > 0 || result.getUpsertedId() != null)
          .recover(e -> isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
      return written.compose(won -> {
        if (!won) {
          // another revision of this review was applied meanwhile: look again
          return apply(review);
        }
        changed.run();
        if (after.published() && !before.published()) {
          published.run();
        }
        return Future.succeededFuture();
      });
    });
  }

  /**
   * Records what the aggregates counted of a review from before revisions (see {@link LegacyReviews}) as its
   * revision 0, without moving them, unless its entry is there already.
   */
  Future<Void> adopt(Document legacyReview) {
    Document review = new Document(legacyReview).append("revision", 0L);
    String entry = "counted." + review.getString("_id");
    Bson filter = Filters.and(Filters.eq("_id", review.getString("productId")), Filters.exists(entry, false));
    Bson update = Updates.set(entry, CountedReview.of(review).toDocument());
    return Publishers.first(vertx, stats.updateOne(filter, update, new UpdateOptions().upsert(true))).<Void>mapEmpty()
        // created meanwhile, with the entry or without: set it where it is missing
        .recover(e -> isDuplicateKey(e) ? Publishers.first(vertx, stats.updateOne(filter, update)).mapEmpty()
            : Future.failedFuture(e));
  }

  /** The entry {@code counted.<reviewId>} of the product's stats, or null. */
  private Future<Document> counted(String productId, String reviewId) {
    return Publishers.collect(vertx, stats.find(Filters.eq("_id", productId))
            .projection(Projections.include("counted." + reviewId)).limit(1))
        .map(found -> {
          Document counted = found.isEmpty() ? null : found.get(0).get("counted", Document.class);
          return counted == null ? null : counted.get(reviewId, Document.class);
        });
  }

  private static Bson update(String entry, Document review, CountedReview before, CountedReview after) {
    Map<String, Long> moves = new LinkedHashMap<>();
    count(moves, before, -1);
    count(moves, after, 1);
    moves.values().removeIf(value -> value == 0);
    List<Bson> updates = new ArrayList<>();
    updates.add(Updates.set(entry, after.toDocument()));
    if (!moves.isEmpty()) {
      moves.forEach((field, by) -> updates.add(Updates.inc(field, by)));
      updates.add(Updates.inc("version", 1L));
      updates.add(Updates.max("changedAt", RatingSnapshot.micros(Instant.now())));
      updates.add(Updates.set("unpublished", true));
      ReviewEvents.of(review, before, after).ifPresent(event -> updates.add(Updates.push("events", event)));
    }
    return Updates.combine(updates);
  }

  private static void count(Map<String, Long> moves, CountedReview review, long sign) {
    if (!review.published()) {
      return;
    }
    moves.merge("count", sign, Long::sum);
    moves.merge("sum", sign * review.rating(), Long::sum);
    moves.merge("histogram." + review.rating(), sign, Long::sum);
    moves.merge("verified", review.verified() ? sign : 0, Long::sum);
    moves.merge("withImages", review.withImages() ? sign : 0, Long::sum);
  }

  /** The product's aggregates (without the per-review entries), or null when none of its reviews was ever applied. */
  Future<Document> find(String productId) {
    return Publishers.collect(vertx, stats.find(Filters.eq("_id", productId)).projection(WITHOUT_ENTRIES).limit(1))
        .map((List<Document> found) -> found.isEmpty() ? null : found.get(0));
  }

  /** The relay looks for flagged documents. */
  Future<Void> createIndexes() {
    return Publishers.first(vertx, stats.createIndex(Indexes.ascending("unpublished"))).mapEmpty();
  }

  /**
   * Up to {@code limit} unpublished documents that no other relay holds, each now held by {@code owner} until
   * {@code now + lease}: read, then claimed by an update conditional on the version read and on no live claim, so of
   * relays on several instances one sends a given version. A relay that dies holding a claim holds it until it lapses.
   */
  Future<List<Document>> claimUnpublished(int limit, String owner, Instant now, Duration lease) {
    Bson free = Filters.or(Filters.exists("claimedUntil", false), Filters.lt("claimedUntil", Date.from(now)));
    return Publishers.collect(vertx, stats.find(Filters.and(Filters.eq("unpublished", true), free))
            .projection(WITHOUT_ENTRIES).limit(limit))
        .compose(found -> Future.all(found.stream().map(doc -> Publishers.first(vertx, stats.updateOne(
                Filters.and(Filters.eq("_id", doc.getString("_id")), Filters.eq("version", doc.get("version")),
                    Filters.eq("unpublished", true), free),
                Updates.combine(Updates.set("claimedBy", owner), Updates.set("claimedUntil",
                    Date.from(now.plus(lease))))))
            .map(result -> result.getModifiedCount() > 0 ? doc : null)).toList()))
        .map(all -> all.<Document>list().stream().filter(Objects::nonNull).toList());
  }

  /** Gives up the owner's claim of the document, if it still holds it. */
  Future<Void> release(String productId, String owner) {
    return Publishers.first(vertx, stats.updateOne(Filters.and(Filters.eq("_id", productId),
        Filters.eq("claimedBy", owner)), Updates.combine(Updates.unset("claimedBy"), Updates.unset("claimedUntil"))))
        .mapEmpty();
  }

  /** Removes events the relay has sent from the document's outbox. */
  Future<Void> removeEvents(String productId, List<String> ids) {
    return Publishers.first(vertx, stats.updateOne(Filters.eq("_id", productId),
        Updates.pull("events", Filters.in("id", ids)))).mapEmpty();
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
