package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.polymart.core.audit.AuditActor;
import io.polymart.core.bus.Paging;
import io.polymart.core.client.CatalogProductClient.ActiveProduct;
import io.polymart.core.error.ServiceException;
import io.polymart.reviews.image.ReviewImageService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writing and reading reviews, and keeping {@code review_stats} in step with what is PUBLISHED: every change of a
 * review goes through {@link #apply}, one atomic update of the review that counts its revision, which is then settled
 * into the stats (see {@link ReviewSettlement}) before the answer goes out.
 */
final class ReviewService {
  private final ReviewsSettings settings;
  private final PurchaseService purchases;
  private final ReviewRepository reviews;
  private final ReviewStatsRepository stats;
  private final ReviewedProducts products;
  private final ReviewImageService images;
  private final ReviewSettlement settlement;
  /** Told after an audit entry was written, so that the relay publishes it at once. */
  private final Runnable auditRecorded;

  ReviewService(ReviewsSettings settings, PurchaseService purchases, ReviewRepository reviews,
      ReviewStatsRepository stats, ReviewedProducts products, ReviewImageService images,
      ReviewSettlement settlement, Runnable auditRecorded) {
    this.auditRecorded = auditRecorded;
    this.settings = settings;
    this.purchases = purchases;
    this.products = products;
    this.reviews = reviews;
    this.stats = stats;
    this.images = images;
    this.settlement = settlement;
  }

  /**
   * The user's review of the product, which the catalog must sell now (404 otherwise, 503 when it does not answer):
   * the review keeps the product's {@code sellerId} and a snapshot of the named SKU's attributes. Verified when the
   * projection says they bought it (an order DELIVERED or COMPLETED); with {@code requirePurchase} only then allowed
   * (403 NOT_A_VERIFIED_BUYER). A {@code skuId} must be one of the SKUs they bought (422 SKU_NOT_PURCHASED) and one
   * the catalog lists under the product (422 SKU_NOT_OF_PRODUCT). {@code images} are attached to it (see
   * {@link ReviewImageService#attach}). PUBLISHED at once when {@code autoPublish}, verified and without images, else
   * PENDING. A second review of the same product is 409 REVIEW_EXISTS.
   */
  Future<JsonObject> create(UUID userId, UUID productId, ReviewInput input) {
    Future<ActiveProduct> catalog = products.active(productId);
    Future<JsonObject> bought = purchases.purchase(userId, productId);
    // asked at once; an unknown product answers 404 whatever the purchase lookup says
    Future<JsonObject> productThenPurchase = Future.join(catalog, bought)
        .transform(both -> catalog.failed() ? catalog.<JsonObject>mapEmpty() : bought);
    return productThenPurchase.compose(purchase -> {
      boolean verified = purchase.getBoolean("eligible");
      if (settings.requirePurchase() && !verified) {
        return Future.failedFuture(new ServiceException(403, "NOT_A_VERIFIED_BUYER",
            "Only buyers whose order of this product was delivered may review it", null, null));
      }
      if (input.skuId() != null && !purchase.getJsonArray("skuIds").contains(input.skuId().toString())) {
        return Future.failedFuture(ServiceException.unprocessable("SKU_NOT_PURCHASED",
            "You have no delivered order of this SKU"));
      }
      JsonObject skuAttributes = input.skuId() == null ? null
          : ReviewedProducts.skuAttributes(catalog.result(), input.skuId());
      ReviewStatus status = settings.autoPublish() && verified && input.images().isEmpty()
          ? ReviewStatus.PUBLISHED : ReviewStatus.PENDING;
      Document review = new Document("_id", UUID.randomUUID().toString())
          .append("productId", productId.toString()).append("userId", userId.toString())
          .append("authorName", displayName(userId)).append("rating", input.rating())
          .append("title", input.title()).append("body", input.body())
          .append("skuId", input.skuId() == null ? null : input.skuId().toString()).append("verified", verified)
          .append("sellerId", catalog.result().sellerId())
          .append("skuAttributes", skuAttributes == null ? null : Document.parse(skuAttributes.encode()))
          .append("status", status.name())
          .append(ReviewVotes.HELPFUL, 0).append(ReviewVotes.UNHELPFUL, 0).append(ReviewVotes.SCORE, 0.0);
      return images.attach(userId, review.getString("_id"), input.images())
          .compose(attached -> insert(review, input, attached));
    });
  }

  /**
   * Writes the new review, as its first revision, and settles it into the stats; one not written (a second review of
   * the product) gives its images back.
   */
  private Future<JsonObject> insert(Document review, ReviewInput input, List<Document> attached) {
    String reviewId = review.getString("_id");
    Date now = new Date();
    review.append("createdAt", now).append("updatedAt", now)
        .append("revision", 1L).append("revisedAt", now).append("pending", true);
    if (!attached.isEmpty()) {
      review.append("images", attached);
    }
    return insert(review)
        .recover(failure -> images.detach(reviewId, input.images()).compose(v -> Future.failedFuture(failure)))
        .compose(inserted -> {
          if (!inserted) {
            return images.detach(reviewId, input.images()).compose(v -> Future.failedFuture(
                ServiceException.conflict("REVIEW_EXISTS",
                    "You have already reviewed this product; edit your review instead")));
          }
          UUID userId = UUID.fromString(review.getString("userId"));
          UUID productId = UUID.fromString(review.getString("productId"));
          // an order change recorded since the projection was read may have changed the verified mark meanwhile
          return settlement.settle(review).compose(v -> reverify(userId, productId))
              .map(v -> ReviewJson.withStatus(review));
        });
  }

  /**
   * Inserts the review; false when the author has one of the product already. A tombstone of their deleted review
   * that a crash left unsettled is settled (and so removed) first: a deleted review never blocks a new one.
   */
  private Future<Boolean> insert(Document review) {
    return reviews.insert(review).compose(inserted -> inserted ? Future.succeededFuture(true)
        : reviews.byAuthor(review.getString("userId"), review.getString("productId")).compose(existing ->
            existing != null && ReviewStatus.DELETED.name().equals(existing.getString("status"))
                ? settlement.settle(existing).compose(v -> reviews.insert(review)) : Future.succeededFuture(false)));
  }

  /**
   * The author's edit of their review (anyone else's answers 404, like a missing one). Verification is taken again
   * from the projection; the review is PUBLISHED again at once when {@code autoPublish} is on and it is still a
   * verified purchase without images, otherwise it goes back to PENDING. The stats follow. New {@code images} are
   * attached as on create; those the edit leaves out are removed.
   */
  Future<JsonObject> edit(UUID userId, String reviewId, ReviewEdit edit) {
    return reviews.get(reviewId).compose(current -> {
      if (current == null || !current.getString("userId").equals(userId.toString()) || deleted(current)) {
        return Future.failedFuture(notFound());
      }
      return purchases.purchase(userId, UUID.fromString(current.getString("productId"))).compose(purchase -> {
        boolean verified = purchase.getBoolean("eligible");
        List<Document> kept = imagesOf(current);
        List<String> keptIds = kept.stream().map(image -> image.getString("id")).toList();
        List<String> wanted = edit.images() == null ? keptIds : edit.images();
        if (wanted.size() > images.maxPerReview()) {
          return Future.failedFuture(ReviewImageService.tooMany(images.maxPerReview()));
        }
        List<String> added = wanted.stream().filter(id -> !keptIds.contains(id)).toList();
        List<String> dropped = keptIds.stream().filter(id -> !wanted.contains(id)).toList();
        // a review hidden by reports waits for a moderator, edited or not
        boolean hidden = Boolean.TRUE.equals(current.getBoolean(ReviewReports.HIDDEN));
        ReviewStatus status = settings.autoPublish() && verified && wanted.isEmpty() && !hidden
            ? ReviewStatus.PUBLISHED : ReviewStatus.PENDING;
        Document changes = new Document("verified", verified).append("status", status.name())
            .append("rejectionReason", null).append("updatedAt", new Date());
        if (edit.rating() != null) {
          changes.append("rating", edit.rating());
        }
        if (edit.title() != null) {
          changes.append("title", edit.title());
        }
        if (edit.body() != null) {
          changes.append("body", edit.body());
        }
        return images.attach(userId, reviewId, added).compose(attached -> {
          if (edit.images() != null) {
            List<Document> all = new ArrayList<>(kept);
            all.addAll(attached);
            changes.append("images", wanted.stream().map(id -> all.stream()
                .filter(image -> image.getString("id").equals(id)).findFirst().orElseThrow()).toList());
          }
          // a failure after the update leaves the new images attached: better unshown than shown and then swept
          return apply(Filters.and(Filters.eq("_id", reviewId), Filters.eq("userId", userId.toString())), changes)
              .compose(after -> after == null
                  ? images.detach(reviewId, added).compose(v -> Future.failedFuture(notFound()))
                  : images.remove(reviewId, dropped)
                      // as in create: the projection may have moved since it was read
                      .compose(v -> reverify(userId, UUID.fromString(current.getString("productId"))))
                      .map(after));
        });
      });
    }).map(ReviewJson::withStatus);
  }

  /**
   * Deletes a review: its author's, or any when {@code admin}. Anyone else's answers 404, as does one deleted already.
   * The review becomes a tombstone (text dropped) that settling takes out of the stats, announces and removes.
   */
  Future<Void> delete(AuditActor actor, boolean admin, String reviewId) {
    Date now = new Date();
    Document tombstone = new Document("status", ReviewStatus.DELETED.name()).append("deletedAt", now)
        .append("updatedAt", now).append("title", null).append("body", null).append("images", null)
        .append("rejectionReason", null);
    Future<Document> deleted = admin ? deleteAsAdmin(actor, reviewId, tombstone)
        : apply(Filters.and(Filters.eq("_id", reviewId), Filters.eq("userId", actor.userId().toString())), tombstone);
    return deleted.compose(after -> after == null ? Future.failedFuture(notFound()) : images.removeAll(reviewId));
  }

  /**
   * An admin's deletion of someone else's review is recorded in the audit trail with the deletion (their own is not
   * an administrative action): from the status just read, read again if it moved meanwhile. Null when there is none.
   */
  private Future<Document> deleteAsAdmin(AuditActor actor, String reviewId, Document tombstone) {
    return reviews.get(reviewId).compose(review -> {
      if (review == null || deleted(review)) {
        return Future.succeededFuture(null);
      }
      String author = review.getString("userId");
      String from = review.getString("status");
      Document entry = author.equals(actor.userId().toString()) ? null : ReviewAudit.entry(actor, "review.delete",
          reviewId, new JsonObject().put("status", from).put("userId", author), null);
      return apply(Filters.and(Filters.eq("_id", reviewId), Filters.eq("status", from)), tombstone, entry)
          .compose(after -> after != null ? Future.succeededFuture(after) : deleteAsAdmin(actor, reviewId, tombstone));
    });
  }

  /** The review's images, {@code [{id, thumbnail, large}]}; none when it has no {@code images}. */
  private static List<Document> imagesOf(Document review) {
    return review.getList("images", Document.class, List.of());
  }

  /** Moderation: one page of the moderator's reviews in a status (every status when null), newest first. */
  Future<JsonObject> moderationList(Moderator moderator, ReviewStatus status, Paging paging) {
    Bson filter = moderator.scoped(status == null ? Filters.ne("status", ReviewStatus.DELETED.name())
        : Filters.eq("status", status.name()));
    return page(filter, Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id")), paging,
        ReviewJson::withStatus);
  }

  /** Publishes a review the moderator may act on (else 404); one already PUBLISHED stays as it is. */
  Future<JsonObject> publish(Moderator moderator, String reviewId) {
    return moderate(moderator, reviewId, ReviewStatus.PUBLISHED, null, "review.publish").map(ReviewJson::withStatus);
  }

  /** Rejects a review with a reason shown to its author; one already REJECTED stays as it is. */
  Future<JsonObject> reject(Moderator moderator, String reviewId, String reason) {
    return moderate(moderator, reviewId, ReviewStatus.REJECTED, reason, "review.reject").map(ReviewJson::withStatus);
  }

  /**
   * Moves the review to {@code status} unless it is there already, recording {@code action} in the audit trail with
   * the move. The move is one conditional update of the review from the status just read (read again if another
   * moderator moved it meanwhile), so of two moderators acting at once each move happens once, the stats change once
   * per move, and each audit entry's old status is the one its move replaced.
   */
  private Future<Document> moderate(Moderator moderator, String reviewId, ReviewStatus status,
      String rejectionReason, String action) {
    Bson review = moderator.scoped(Filters.eq("_id", reviewId));
    return reviews.forModerator(moderator, reviewId).compose(current -> {
      if (current == null) {
        return Future.failedFuture(notFound());
      }
      String from = current.getString("status");
      if (status.name().equals(from)) {
        return Future.succeededFuture(current);
      }
      Document changes = new Document("status", status.name()).append("rejectionReason", rejectionReason)
          .append(ReviewReports.HIDDEN, false).append("updatedAt", new Date());
      Document entry = ReviewAudit.entry(moderator.actor(), action, reviewId, new JsonObject().put("status", from),
          new JsonObject().put("status", status.name()).put("rejectionReason", rejectionReason));
      return apply(Filters.and(review, Filters.eq("status", from)), changes, entry)
          .compose(moved -> moved != null ? Future.succeededFuture(moved)
              : moderate(moderator, reviewId, status, rejectionReason, action));
    });
  }

  /**
   * Takes a PUBLISHED review back to moderation because of reports, unless it left PUBLISHED or was hidden again
   * since {@code reportsSince} (as the caller read it): of reports racing, one moves it, once. The stats follow.
   */
  Future<Document> hideByReports(String reviewId, Date reportsSince) {
    Document changes = new Document("status", ReviewStatus.PENDING.name()).append(ReviewReports.HIDDEN, true)
        .append(ReviewReports.REPORTS_SINCE, new Date()).append("updatedAt", new Date());
    return apply(Filters.and(Filters.eq("_id", reviewId), Filters.eq("status", ReviewStatus.PUBLISHED.name()),
        Filters.eq(ReviewReports.REPORTS_SINCE, reportsSince)), changes);
  }

  /**
   * Sets the fields on the review the filter matches (never a deleted one) in one atomic update that also counts a
   * new revision, then settles that revision into the stats. Completes with the review as the update left it, or null
   * when the filter matched nothing.
   */
  Future<Document> apply(Bson filter, Document changes) {
    return apply(filter, changes, null);
  }

  /** As above, recording the audit entry ({@link ReviewAudit}) in the same update; none when null. */
  private Future<Document> apply(Bson filter, Document changes, Document auditEntry) {
    return write(filter, changes, auditEntry).compose(after -> {
      if (after == null) {
        return Future.succeededFuture(null);
      }
      if (auditEntry != null) {
        auditRecorded.run();
      }
      return settlement.settle(after).map(v -> after);
    });
  }

  /**
   * The update of {@link #apply} alone: the review changed and left pending, as a crash before settling leaves it
   * (tests simulate that crash with it).
   */
  Future<Document> write(Bson filter, Document changes) {
    return write(filter, changes, null);
  }

  private Future<Document> write(Bson filter, Document changes, Document auditEntry) {
    List<Bson> updates = new ArrayList<>();
    if (auditEntry != null) {
      updates.add(ReviewAudit.recorded(auditEntry));
    }
    changes.forEach((field, value) -> updates.add(Updates.set(field, value)));
    updates.add(Updates.inc("revision", 1L));
    updates.add(Updates.set("revisedAt", new Date()));
    updates.add(Updates.set("pending", true));
    return reviews.update(Filters.and(filter, Filters.ne("status", ReviewStatus.DELETED.name())),
        Updates.combine(updates));
  }

  /**
   * Gives the user's review of the product (if any) the verified mark the purchase projection now says it has: lost
   * when the order that qualified is refunded or cancelled, back when another qualifying order arrives. Called after
   * each change of the projection; looks again after each change it makes, so that of two order changes handled at
   * once the mark ends as the latest projection says.
   */
  Future<Void> reverify(UUID userId, UUID productId) {
    return purchases.purchase(userId, productId).compose(purchase -> {
      boolean verified = purchase.getBoolean("eligible");
      return apply(Filters.and(Filters.eq("userId", userId.toString()), Filters.eq("productId", productId.toString()),
              Filters.ne("verified", verified)), new Document("verified", verified))
          .compose(changed -> changed == null ? Future.succeededFuture() : reverify(userId, productId));
    });
  }

  private static boolean deleted(Document review) {
    return ReviewStatus.DELETED.name().equals(review.getString("status"));
  }

  private static ServiceException notFound() {
    return ServiceException.notFound("Review not found");
  }

  /**
   * The user's reviews in every status, newest first, one page of them; and {@code reviewable}: the products they may
   * review and have not yet, {@code [{productId, skuIds}]}, from the purchase projection.
   */
  Future<JsonObject> mine(UUID userId, Paging paging) {
    Bson filter = Filters.and(Filters.eq("userId", userId.toString()),
        Filters.ne("status", ReviewStatus.DELETED.name()));
    Future<JsonObject> page = page(filter, Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id")),
        paging, ReviewJson::withStatus);
    Future<List<Document>> reviewed = reviews.find(filter, Sorts.ascending("productId"), 0, 0);
    return Future.all(page, reviewed, purchases.list(userId)).map(all -> {
      Set<String> done = new HashSet<>();
      reviewed.result().forEach(review -> done.add(review.getString("productId")));
      JsonArray reviewable = new JsonArray();
      all.<JsonObject>resultAt(2).getJsonArray("items").stream().map(JsonObject.class::cast)
          .filter(item -> item.getBoolean("eligible") && !done.contains(item.getString("productId")))
          .forEach(item -> reviewable.add(new JsonObject().put("productId", item.getString("productId"))
              .put("skuIds", item.getJsonArray("skuIds"))));
      return page.result().put("reviewable", reviewable);
    });
  }

  /** One page of the product's published reviews. */
  Future<JsonObject> list(ReviewQuery query) {
    return page(query.filter(), query.order(), query.paging(), ReviewJson::published);
  }

  /**
   * One page of the reviews {@code filter} selects, and their total: counted only when the page does not say it (a
   * first page that is not full holds them all), since a count reads as much as the page (on the embedded server,
   * which keeps no secondary index, a whole scan: most products' pages then cost one scan instead of two).
   */
  private Future<JsonObject> page(Bson filter, Bson order, Paging paging, Function<Document, JsonObject> json) {
    return reviews.find(filter, order, paging.offset(), paging.size()).compose(found -> {
      JsonArray items = new JsonArray();
      found.forEach(review -> items.add(json.apply(review)));
      Future<Long> total = paging.offset() == 0 && found.size() < paging.size()
          ? Future.succeededFuture((long) found.size()) : reviews.count(filter);
      return total.map(count -> paging.page(items, count));
    });
  }

  /** Count, average (2 decimals), histogram, verified and with-images counts of the product's published reviews. */
  Future<JsonObject> summary(UUID productId) {
    return stats.find(productId.toString()).map(found -> {
      Document stat = found == null ? new Document() : found;
      long count = number(stat.get("count"));
      // as the relay publishes it in ProductRatingChanged
      BigDecimal average = RatingSnapshot.average(count, number(stat.get("sum")));
      return new JsonObject().put("productId", productId.toString()).put("count", count)
          .put("average", average.doubleValue()).put("histogram", RatingSnapshot.histogram(stat))
          .put("verifiedCount", number(stat.get("verified"))).put("withImagesCount", number(stat.get("withImages")));
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
