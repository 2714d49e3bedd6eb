package io.polymart.reviews;

import io.polymart.core.audit.AuditActor;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.BusServer;
import io.polymart.core.bus.Paging;
import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_PUBLISH;
import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_REJECT;
import static io.polymart.core.bus.Addresses.REVIEWS_CREATE;
import static io.polymart.core.bus.Addresses.REVIEWS_DELETE;
import static io.polymart.core.bus.Addresses.REVIEWS_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_MINE;
import static io.polymart.core.bus.Addresses.REVIEWS_PURCHASES_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_REPLY;
import static io.polymart.core.bus.Addresses.REVIEWS_REPLY_DELETE;
import static io.polymart.core.bus.Addresses.REVIEWS_REPORT;
import static io.polymart.core.bus.Addresses.REVIEWS_SUMMARY;
import static io.polymart.core.bus.Addresses.REVIEWS_UNVOTE;
import static io.polymart.core.bus.Addresses.REVIEWS_UPDATE;
import static io.polymart.core.bus.Addresses.REVIEWS_VOTE;

/** The reviews verticle's addresses: each request's envelope read into the typed arguments of its service. */
final class ReviewsBindings {
  static final int REASON_MAX = 500;
  private final PurchaseService purchases;
  private final ReviewService reviews;
  private final ReplyService replies;
  private final ReviewVotes votes;
  private final ReviewReports reports;
  private final ReviewLimits limits;

  ReviewsBindings(PurchaseService purchases, ReviewService reviews, ReplyService replies, ReviewVotes votes,
      ReviewReports reports, ReviewLimits limits) {
    this.purchases = purchases;
    this.reviews = reviews;
    this.replies = replies;
    this.votes = votes;
    this.reports = reports;
    this.limits = limits;
  }

  BusServer bind(BusServer server) {
    return server.handle(REVIEWS_PURCHASES_LIST, request -> purchases.list(userId(request)))
        .handle(REVIEWS_CREATE, request -> {
          UUID productId = productId(request);
          ReviewInput input = ReviewInput.from(request.body());
          return limits.write(request.userUuid(), () -> reviews.create(request.userUuid(), productId, input));
        })
        .handle(REVIEWS_LIST, request -> reviews.list(ReviewQuery.from(request)))
        .handle(REVIEWS_SUMMARY, request -> reviews.summary(productId(request)))
        .handle(REVIEWS_UPDATE, request -> {
          String reviewId = reviewId(request);
          ReviewEdit edit = ReviewEdit.from(request.body());
          return limits.write(request.userUuid(), () -> reviews.edit(request.userUuid(), reviewId, edit));
        })
        // the gateway answers 204 without a body
        .handle(REVIEWS_DELETE, request -> reviews.delete(AuditActor.of(request), request.roles().contains("admin"),
            reviewId(request)).map(v -> new JsonObject()))
        .handle(REVIEWS_MINE, request -> reviews.mine(request.userUuid(), Paging.from(request)))
        .handle(REVIEWS_ADMIN_LIST, request -> reviews.moderationList(Moderator.from(request), status(request),
            Paging.from(request)))
        .handle(REVIEWS_ADMIN_PUBLISH, request -> reviews.publish(Moderator.from(request), reviewId(request)))
        .handle(REVIEWS_ADMIN_REJECT, request -> reviews.reject(Moderator.from(request), reviewId(request),
            ReviewInput.text(request.body().getValue("reason"), "reason", REASON_MAX, true)))
        .handle(REVIEWS_REPLY, request -> replies.reply(Moderator.from(request), reviewId(request),
            ReviewInput.text(request.body().getValue("body"), "body", ReplyService.BODY_MAX, true)))
        .handle(REVIEWS_REPLY_DELETE, request -> replies.remove(Moderator.from(request), reviewId(request))
            .map(v -> new JsonObject()))
        .handle(REVIEWS_VOTE, request -> {
          String reviewId = reviewId(request);
          boolean helpful = helpful(request);
          return limits.vote(request.userUuid(), () -> votes.vote(request.userUuid(), reviewId, helpful));
        })
        .handle(REVIEWS_UNVOTE, request -> {
          String reviewId = reviewId(request);
          return limits.vote(request.userUuid(), () -> votes.withdraw(request.userUuid(), reviewId))
              .map(v -> new JsonObject());
        })
        .handle(REVIEWS_REPORT, request -> {
          String reviewId = reviewId(request);
          String reason = ReviewInput.text(request.body().getValue("reason"), "reason", REASON_MAX, true);
          return limits.report(request.userUuid(), () -> reports.report(request.userUuid(), reviewId, reason));
        });
  }

  /**
   * The product id of the path: a value {@link UUID#fromString} would stretch into a UUID (a short group, say) is not
   * the canonical form of any id, so it names no product either (404).
   */
  static UUID productId(BusRequest request) {
    UUID id = request.uuidParam("id", "Product");
    if (!id.toString().equalsIgnoreCase(request.param("id"))) {
      throw ServiceException.notFound("Product not found");
    }
    return id;
  }

  /** A review id of the path, canonical UUID text; anything else names no review (404). */
  private static String reviewId(BusRequest request) {
    UUID id = request.uuidParam("id", "Review");
    if (!id.toString().equalsIgnoreCase(request.param("id"))) {
      throw ServiceException.notFound("Review not found");
    }
    return id.toString();
  }

  private static boolean helpful(BusRequest request) {
    if (!(request.body().getValue("helpful") instanceof Boolean helpful)) {
      throw ServiceException.invalidField("helpful", "must be true or false");
    }
    return helpful;
  }

  private static ReviewStatus status(BusRequest request) {
    return request.query("status").map(value -> {
      try {
        ReviewStatus status = ReviewStatus.valueOf(value);
        // tombstones are no one's to see
        if (status != ReviewStatus.DELETED) {
          return status;
        }
      } catch (IllegalArgumentException e) {
        // answered below
      }
      throw ServiceException.invalidField("status", "must be PENDING, PUBLISHED or REJECTED");
    }).orElse(null);
  }

  private static UUID userId(BusRequest request) {
    String userId = request.bodyString("userId");
    if (userId == null) {
      throw ServiceException.invalidField("userId", "is required");
    }
    try {
      return UUID.fromString(userId);
    } catch (IllegalArgumentException e) {
      throw ServiceException.invalidField("userId", "must be a UUID");
    }
  }
}
