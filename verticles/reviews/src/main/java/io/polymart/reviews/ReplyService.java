package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Date;

/**
 * The one public reply to a review, by the seller of the reviewed product or an admin ({@link Moderator}); anyone
 * else's attempt answers 404, like a missing review. The reply is plain text, stored and returned as written.
 */
final class ReplyService {
  static final int BODY_MAX = 2000;
  private final ReviewRepository reviews;
  private final Runnable auditRecorded;

  /** {@code auditRecorded}: told after an audit entry was written, so that the relay publishes it at once. */
  ReplyService(ReviewRepository reviews, Runnable auditRecorded) {
    this.reviews = reviews;
    this.auditRecorded = auditRecorded;
  }

  /**
   * Sets or replaces the reply in one atomic update, with its audit entry ({@link ReviewAudit}): {@code createdAt}
   * is kept from the first reply ({@code $min} sets it only when missing), {@code updatedAt} is now. The review's own
   * dates and status do not change. The update applies only to the reply just read (read again if it changed
   * meanwhile), so the entry's old value is the reply it replaced.
   */
  Future<JsonObject> reply(Moderator moderator, String reviewId, String body) {
    Date now = new Date();
    return current(moderator, reviewId).compose(review -> {
      Document previous = review.get("reply", Document.class);
      String previousBody = previous == null ? null : previous.getString("body");
      Document entry = ReviewAudit.entry(moderator.actor(), "review.reply", reviewId, body(previousBody),
          body(body));
      return reviews.change(unchanged(moderator, reviewId, previousBody), Updates.combine(
              Updates.set("reply.body", body), Updates.set("reply.updatedAt", now), Updates.min("reply.createdAt", now),
              ReviewAudit.recorded(entry)))
          .compose(before -> {
            if (before == null) {
              return reply(moderator, reviewId, body);
            }
            auditRecorded.run();
            Document after = new Document(before);
            after.put("reply", new Document("body", body)
                .append("createdAt", previous == null ? now : previous.getDate("createdAt")).append("updatedAt", now));
            return Future.succeededFuture(ReviewJson.withStatus(after));
          });
    });
  }

  /** Removes the reply, with its audit entry; a review without one stays as it is. */
  Future<Void> remove(Moderator moderator, String reviewId) {
    return current(moderator, reviewId).compose(review -> {
      Document previous = review.get("reply", Document.class);
      if (previous == null) {
        return Future.succeededFuture();
      }
      String previousBody = previous.getString("body");
      Document entry = ReviewAudit.entry(moderator.actor(), "review.reply.delete", reviewId, body(previousBody),
          null);
      return reviews.change(unchanged(moderator, reviewId, previousBody),
              Updates.combine(Updates.unset("reply"), ReviewAudit.recorded(entry)))
          .compose(before -> {
            if (before == null) {
              return remove(moderator, reviewId);
            }
            auditRecorded.run();
            return Future.succeededFuture();
          });
    });
  }

  /** The review the moderator may act on; a 404 when there is none (or it is deleted). */
  private Future<Document> current(Moderator moderator, String reviewId) {
    return reviews.forModerator(moderator, reviewId).compose(review -> review == null
        ? Future.failedFuture(ServiceException.notFound("Review not found")) : Future.succeededFuture(review));
  }

  /** The review as long as its reply is still {@code body} (none: no reply). */
  private static Bson unchanged(Moderator moderator, String reviewId, String body) {
    return moderator.scoped(Filters.and(Filters.eq("_id", reviewId), Filters.eq("reply.body", body)));
  }

  private static JsonObject body(String body) {
    return body == null ? null : new JsonObject().put("body", body);
  }
}
