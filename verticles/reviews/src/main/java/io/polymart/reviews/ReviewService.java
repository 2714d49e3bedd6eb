package io.polymart.reviews;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Date;
import java.util.UUID;

/** Writing and reading reviews, and keeping {@code review_stats} in step with what is PUBLISHED. */
final class ReviewService {
  private final ReviewsSettings settings;
  private final PurchaseService purchases;
  private final ReviewRepository reviews;
  private final ReviewStatsRepository stats;

  ReviewService(ReviewsSettings settings, PurchaseService purchases, ReviewRepository reviews,
      ReviewStatsRepository stats) {
    this.settings = settings;
    this.purchases = purchases;
    this.reviews = reviews;
    this.stats = stats;
  }

  /**
   * The user's review of the product. Verified when the projection says they bought it (an order DELIVERED or
   * COMPLETED); with {@code requirePurchase} only then allowed (403 NOT_A_VERIFIED_BUYER). A {@code skuId} must be one
   * of the SKUs they bought (422 SKU_NOT_PURCHASED). PUBLISHED at once when {@code autoPublish} and verified, else
   * PENDING. A second review of the same product is 409 REVIEW_EXISTS.
   */
  Future<JsonObject> create(UUID userId, UUID productId, ReviewInput input) {
    return purchases.purchase(userId, productId).compose(purchase -> {
      boolean verified = purchase.getBoolean("eligible");
      if (settings.requirePurchase() && !verified) {
        return Future.failedFuture(new ServiceException(403, "NOT_A_VERIFIED_BUYER",
            "Only buyers whose order of this product was delivered may review it", null, null));
      }
      if (input.skuId() != null && !purchase.getJsonArray("skuIds").contains(input.skuId().toString())) {
        return Future.failedFuture(ServiceException.unprocessable("SKU_NOT_PURCHASED",
            "You have no delivered order of this SKU"));
      }
      ReviewStatus status = settings.autoPublish() && verified ? ReviewStatus.PUBLISHED : ReviewStatus.PENDING;
      Date now = new Date();
      Document review = new Document("_id", UUID.randomUUID().toString())
          .append("productId", productId.toString()).append("userId", userId.toString())
          .append("authorName", displayName(userId)).append("rating", input.rating())
          .append("title", input.title()).append("body", input.body())
          .append("skuId", input.skuId() == null ? null : input.skuId().toString()).append("verified", verified)
          .append("status", status.name()).append("createdAt", now).append("updatedAt", now);
      return reviews.insert(review).compose(inserted -> {
        if (!inserted) {
          return Future.failedFuture(ServiceException.conflict("REVIEW_EXISTS",
              "You have already reviewed this product; edit your review instead"));
        }
        Future<Void> counted = status == ReviewStatus.PUBLISHED
            ? stats.add(productId.toString(), input.rating(), verified, 1) : Future.succeededFuture();
        return counted.map(v -> ReviewJson.withStatus(review));
      });
    });
  }

  /** One page of the product's published reviews. */
  Future<JsonObject> list(ReviewQuery query) {
    return reviews.count(query.filter()).compose(total -> reviews.find(query.filter(), query.order(),
            query.paging().offset(), query.paging().size())
        .map(found -> {
          JsonArray items = new JsonArray();
          found.forEach(review -> items.add(ReviewJson.published(review)));
          return query.paging().page(items, total);
        }));
  }

  /** Count, average (2 decimals), histogram and verified count of the product's published reviews. */
  Future<JsonObject> summary(UUID productId) {
    return stats.find(productId.toString()).map(found -> {
      Document stat = found == null ? new Document() : found;
      long count = number(stat.get("count"));
      long sum = number(stat.get("sum"));
      Document histogram = stat.get("histogram", Document.class);
      JsonObject stars = new JsonObject();
      for (int rating = 1; rating <= 5; rating++) {
        stars.put(String.valueOf(rating), histogram == null ? 0L : number(histogram.get(String.valueOf(rating))));
      }
      BigDecimal average = count == 0 ? BigDecimal.ZERO
          : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
      return new JsonObject().put("productId", productId.toString()).put("count", count)
          .put("average", average.doubleValue()).put("histogram", stars)
          .put("verifiedCount", number(stat.get("verified")));
    });
  }

  /**
   * The name shown for an author. The gateway's envelope carries only the user id and roles, and no typed client to
   * the users verticle's profiles exists yet, so it is derived from the id: never the email, nothing the user typed.
   */
  static String displayName(UUID userId) {
    return "Customer " + userId.toString().substring(0, 8);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0L;
  }
}
