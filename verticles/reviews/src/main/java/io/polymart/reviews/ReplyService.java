package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.util.Date;

/**
 * The one public reply to a review, by the seller of the reviewed product or an admin ({@link Moderator}); anyone
 * else's attempt answers 404, like a missing review. The reply is plain text, stored and returned as written.
 */
final class ReplyService {
  static final int BODY_MAX = 2000;
  private final ReviewRepository reviews;

  ReplyService(ReviewRepository reviews) {
    this.reviews = reviews;
  }

  /**
   * Sets or replaces the reply in one atomic update: {@code createdAt} is kept from the first reply ({@code $min}
   * sets it only when missing), {@code updatedAt} is now. The review's own dates and status do not change.
   */
  Future<JsonObject> reply(Moderator moderator, String reviewId, String body) {
    Date now = new Date();
    return reviews.change(moderator.scoped(Filters.eq("_id", reviewId)), Updates.combine(
            Updates.set("reply.body", body), Updates.set("reply.updatedAt", now), Updates.min("reply.createdAt", now)))
        .compose(before -> {
          if (before == null) {
            return Future.failedFuture(ServiceException.notFound("Review not found"));
          }
          Document previous = before.get("reply", Document.class);
          Document after = new Document(before);
          after.put("reply", new Document("body", body)
              .append("createdAt", previous == null ? now : previous.getDate("createdAt")).append("updatedAt", now));
          return Future.succeededFuture(ReviewJson.withStatus(after));
        });
  }

  /** Removes the reply; a review without one stays as it is. */
  Future<Void> remove(Moderator moderator, String reviewId) {
    return reviews.change(moderator.scoped(Filters.eq("_id", reviewId)), Updates.unset("reply"))
        .compose(before -> before == null ? Future.failedFuture(ServiceException.notFound("Review not found"))
            : Future.succeededFuture());
  }
}
