package io.polymart.reviews;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.util.Date;
import java.util.UUID;

/**
 * Users' reports of published reviews. Once {@code reviews.reportsToHide} users have reported a review since it was
 * last hidden by reports (or ever), it goes back to moderation: PENDING, {@code hiddenByReports}. The reports are
 * counted from {@code review_reports} after each new one, so a report whose count was cut short by a crash still
 * counts for the next; the hide itself is one conditional update of a PUBLISHED review, so it happens once however
 * many reports race.
 */
final class ReviewReports {
  /** On a review: true while it waits for moderation because of reports. */
  static final String HIDDEN = "hiddenByReports";
  /** On a review: when reports last hid it; only reports made later count towards hiding it again. */
  static final String REPORTS_SINCE = "reportsSince";
  private final ReviewsSettings settings;
  private final ReviewRepository reviews;
  private final ReportRepository reports;
  private final ReviewService service;

  ReviewReports(ReviewsSettings settings, ReviewRepository reviews, ReportRepository reports,
      ReviewService service) {
    this.settings = settings;
    this.reviews = reviews;
    this.reports = reports;
    this.service = service;
  }

  /**
   * Reports a published review (anything else answers 404; one's own review 403 OWN_REVIEW). A second report by the
   * same user changes nothing. Completes with {@code {reviewId}}.
   */
  Future<JsonObject> report(UUID userId, String reviewId, String reason) {
    return reviews.get(reviewId).compose(review -> {
      if (review == null || !ReviewStatus.PUBLISHED.name().equals(review.getString("status"))) {
        return Future.failedFuture(ServiceException.notFound("Review not found"));
      }
      if (review.getString("userId").equals(userId.toString())) {
        return Future.failedFuture(new ServiceException(403, "OWN_REVIEW",
            "You cannot report your own review", null, null));
      }
      return reports.insert(userId.toString(), reviewId, reason)
          .compose(added -> reviews.get(reviewId))
          .compose(current -> current == null ? Future.succeededFuture() : hideIfReported(current));
    }).map(v -> new JsonObject().put("reviewId", reviewId));
  }

  private Future<Void> hideIfReported(Document review) {
    if (!ReviewStatus.PUBLISHED.name().equals(review.getString("status"))) {
      return Future.succeededFuture();
    }
    String reviewId = review.getString("_id");
    Date since = review.getDate(REPORTS_SINCE);
    return reports.countSince(reviewId, since).compose(count -> count < settings.reportsToHide()
        ? Future.succeededFuture() : service.hideByReports(reviewId, since).mapEmpty());
  }
}
