package io.polymart.reviews;

import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * ReviewPublished and ReviewRemoved, as {@code schemas/events/polymart.reviews.json} describes them, for one applied
 * revision of a review: ReviewPublished when it enters PUBLISHED or, published, changes its rating or verified mark
 * (an edit republished at once, a refund); ReviewRemoved when it leaves PUBLISHED (rejected, deleted, hidden, edited
 * back to moderation; {@code reason} is the status it went to), with the rating and mark it was counted with. The
 * event id is derived from the review and the revision, so an event written again after a crash is the same event.
 */
final class ReviewEvents {
  static final String PUBLISHED = "ReviewPublished";
  static final String REMOVED = "ReviewRemoved";

  private ReviewEvents() {
  }

  /**
   * The event of going from what the stats counted to the review's revision, if there is one, as the stats
   * document's outbox keeps it: {@code {id, value}}, the value the record's text, sent as it is.
   */
  static Optional<Document> of(Document review, CountedReview before, CountedReview after) {
    if (after.published() && !after.sameAnnouncement(before)) {
      return Optional.of(event(PUBLISHED, review, after, null));
    }
    if (before.published() && !after.published()) {
      return Optional.of(event(REMOVED, review, before, review.getString("status")));
    }
    return Optional.empty();
  }

  private static Document event(String type, Document review, CountedReview counted, String reason) {
    JsonObject event = json(type, review, counted, reason);
    return new Document("id", event.getString("id")).append("value", event.encode());
  }

  private static JsonObject json(String type, Document review, CountedReview counted, String reason) {
    String reviewId = review.getString("_id");
    String productId = review.getString("productId");
    long revision = RatingSnapshot.number(review.get("revision"));
    String at = revisedAt(review).toString();
    JsonObject data = new JsonObject().put("reviewId", reviewId).put("productId", productId)
        .put("userId", review.getString("userId")).put("rating", counted.rating())
        .put("verified", counted.verified()).put("at", at);
    if (reason != null) {
      data.put("reason", reason);
    }
    return new JsonObject().put("type", type).put("id", eventId(type, reviewId, revision).toString())
        .put("occurredAt", at).put("aggregateId", productId).put("data", data);
  }

  static UUID eventId(String type, String reviewId, long revision) {
    return UUID.nameUUIDFromBytes((type + ":" + reviewId + ":" + revision).getBytes(StandardCharsets.UTF_8));
  }

  private static Instant revisedAt(Document review) {
    Date at = review.getDate("revisedAt");
    return (at == null ? review.getDate("updatedAt") : at).toInstant();
  }
}
