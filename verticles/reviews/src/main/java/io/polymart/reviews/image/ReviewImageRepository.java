package io.polymart.reviews.image;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
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
 * Uploaded review images in {@code review_images}: {@code {_id, userId, reviewId, thumbnail, large (object keys),
 * format, width, height, createdAt, expiresAt, sweeping}}, ids as strings. An image is either attached
 * ({@code reviewId} set, no {@code expiresAt}) or waiting to be ({@code reviewId} null until {@code expiresAt}, when
 * the sweep removes it). Every change of that state is one conditional update of one document, so of two reviews
 * claiming the same image, or a review and the sweep, exactly one wins.
 */
public final class ReviewImageRepository {
  public static final String COLLECTION = "review_images";
  private final Vertx vertx;
  private final MongoCollection<Document> images;

  public ReviewImageRepository(Vertx vertx, MongoCollection<Document> images) {
    this.vertx = vertx;
    this.images = images;
  }

  public Future<Void> createIndexes() {
    return Publishers.first(vertx, images.createIndex(Indexes.ascending("reviewId", "expiresAt"))).mapEmpty();
  }

  Future<Void> insert(Document image) {
    return Publishers.first(vertx, images.insertOne(image)).mapEmpty();
  }

  Future<Document> get(String id) {
    return Publishers.collect(vertx, images.find(Filters.eq("_id", id)).limit(1))
        .map(found -> found.isEmpty() ? null : found.get(0));
  }

  /**
   * Attaches the user's waiting image to the review, unless it is someone else's, attached already, expired or being
   * swept; completes with the image as attached, or null when it was not.
   */
  Future<Document> claim(String id, String userId, String reviewId, Date now) {
    Bson waiting = Filters.and(Filters.eq("_id", id), Filters.eq("userId", userId), Filters.eq("reviewId", null),
        Filters.gt("expiresAt", now), Filters.ne("sweeping", true));
    return changeOne(waiting, Updates.combine(Updates.set("reviewId", reviewId), Updates.unset("expiresAt")));
  }

  /** Detaches the images from the review: they wait again, until {@code expiresAt}. */
  Future<Void> detach(List<String> ids, String reviewId, Date expiresAt) {
    return Publishers.first(vertx, images.updateMany(Filters.and(Filters.in("_id", ids),
            Filters.eq("reviewId", reviewId)),
        Updates.combine(Updates.set("reviewId", null), Updates.set("expiresAt", expiresAt)))).mapEmpty();
  }

  /** Every image of the review, whatever its list says (a deleted review's): the next sweep removes them. */
  Future<Void> releaseAll(String reviewId, Date expiresAt) {
    return Publishers.first(vertx, images.updateMany(Filters.eq("reviewId", reviewId),
        Updates.combine(Updates.set("reviewId", null), Updates.set("expiresAt", expiresAt)))).mapEmpty();
  }

  /** Up to {@code limit} waiting images whose time is up (or whose sweep stopped half-way), oldest first. */
  Future<List<Document>> due(Date now, int limit) {
    return Publishers.collect(vertx, images.find(Filters.and(Filters.eq("reviewId", null),
        Filters.lte("expiresAt", now))).sort(Sorts.ascending("expiresAt")).limit(limit));
  }

  /**
   * Takes a due image for this sweep: from now on no review can claim it, and no other sweep takes it until
   * {@code leaseUntil} (when it is due again, should this sweep stop before removing it). Null when another took it.
   */
  Future<Document> takeForSweep(String id, Date now, Date leaseUntil) {
    return changeOne(Filters.and(Filters.eq("_id", id), Filters.eq("reviewId", null), Filters.lte("expiresAt", now)),
        Updates.combine(Updates.set("sweeping", true), Updates.set("expiresAt", leaseUntil)));
  }

  Future<Void> delete(String id) {
    return Publishers.first(vertx, images.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("reviewId", null))))
        .mapEmpty();
  }

  private Future<Document> changeOne(Bson filter, Bson update) {
    return Publishers.collect(vertx, images.findOneAndUpdate(filter, update,
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
        .map(found -> found.isEmpty() ? null : found.get(0));
  }
}
