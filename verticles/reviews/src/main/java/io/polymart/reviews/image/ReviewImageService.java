package io.polymart.reviews.image;

import io.polymart.core.error.ServiceException;
import io.polymart.core.image.ImageProcessor;
import io.polymart.core.image.ImageRejectedException;
import io.polymart.core.image.ProcessedImage;
import io.polymart.core.image.ProcessedImage.Rendition;
import io.polymart.core.s3.BucketObjects;
import io.polymart.core.sweep.Sweeper;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Review images: an upload is checked and resized on a worker thread (the catalog's pipeline: the format by its bytes,
 * size and pixel limits, metadata gone), its thumbnail and large renditions go to the bucket {@code review-images},
 * and it waits in {@code review_images} to be attached to one review of its uploader. One not attached within
 * {@code reviews.images.unattachedTtlSeconds} is removed by {@link #sweep}, as is one whose review dropped it.
 */
public final class ReviewImageService {
  public static final String BUCKET = "review-images";
  /** Keys this service writes; anything else asked of it under {@code /media/} does not exist. */
  static final Pattern KEY = Pattern.compile("reviews/[0-9a-f-]{36}/[0-9a-f-]{36}/(thumbnail|large)\\.(jpg|png)");
  /** How long a sweep that stopped half-way keeps other sweeps off an image it took. */
  static final long SWEEP_LEASE_MS = 5 * 60_000;
  private final WorkerExecutor resizing;
  private final ReviewImageRepository images;
  private final BucketObjects objects;
  private final ImageProcessor processor;
  private final ReviewImageSettings settings;

  /** {@code resizing} runs the decoding and resizing: a small pool, as a large decoded image takes much memory. */
  public ReviewImageService(WorkerExecutor resizing, ReviewImageRepository images, BucketObjects objects,
      ReviewImageSettings settings) {
    this.resizing = resizing;
    this.images = images;
    this.objects = objects;
    this.processor = new ImageProcessor(settings.maxBytes(), settings.maxPixels());
    this.settings = settings;
  }

  public int maxPerReview() {
    return settings.maxPerReview();
  }

  /**
   * Stores the user's upload, which then waits to be attached: {@code {id, thumbnail, large, width, height,
   * expiresAt}}. Not an acceptable image: 400, 413 or 415 as the catalog answers for product images.
   */
  public Future<JsonObject> upload(UUID userId, byte[] bytes) {
    String id = UUID.randomUUID().toString();
    return resizing.executeBlocking(() -> process(bytes), false).compose(image -> {
      String base = "reviews/" + userId + "/" + id + "/";
      String thumbnail = base + "thumbnail." + image.thumbnail().extension();
      String large = base + "large." + image.medium().extension();
      Date now = new Date();
      Date expiresAt = new Date(now.getTime() + settings.unattachedTtlSeconds() * 1000);
      Document record = new Document("_id", id).append("userId", userId.toString()).append("reviewId", null)
          .append("thumbnail", thumbnail).append("large", large).append("format", image.format().name())
          .append("width", image.width()).append("height", image.height()).append("createdAt", now)
          .append("expiresAt", expiresAt);
      return Future.all(put(thumbnail, image.thumbnail()), put(large, image.medium()))
          .compose(v -> images.insert(record))
          .recover(failure -> objects.deleteQuietly(List.of(thumbnail, large))
              .compose(v -> Future.failedFuture(failure)))
          .map(v -> new JsonObject(entry(record)).put("width", image.width()).put("height", image.height())
              .put("expiresAt", expiresAt.toInstant().toString()));
    });
  }

  private ProcessedImage process(byte[] bytes) {
    try {
      return processor.process(bytes == null ? new byte[0] : bytes);
    } catch (ImageRejectedException e) {
      throw new ServiceException(e.status(), e.code(), e.getMessage(), null, null);
    }
  }

  private Future<Void> put(String key, Rendition rendition) {
    return objects.put(key, rendition.bytes(), rendition.contentType());
  }

  /**
   * Attaches the user's waiting images to the review, all or none: completes with what the review keeps of each,
   * {@code {id, thumbnail, large}} (URLs), in the order given. An id that is not one of the user's waiting images
   * (unknown, someone else's, expired) fails 422 REVIEW_IMAGE_NOT_FOUND; one of theirs attached to a review already,
   * 422 REVIEW_IMAGE_ATTACHED.
   */
  public Future<List<Document>> attach(UUID userId, String reviewId, List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    if (ids.size() > settings.maxPerReview()) {
      return Future.failedFuture(tooMany(settings.maxPerReview()));
    }
    Date now = new Date();
    List<Document> attached = new ArrayList<>();
    Future<Void> claims = Future.succeededFuture();
    for (String id : ids) {
      claims = claims.compose(v -> images.claim(id, userId.toString(), reviewId, now).compose(image -> {
        if (image == null) {
          return whyNotAttachable(userId, id);
        }
        attached.add(entry(image));
        return Future.succeededFuture();
      }));
    }
    return claims.map(v -> attached).recover(failure -> detach(reviewId, ids)
        .compose(v -> Future.failedFuture(failure)));
  }

  /** The review no longer holds these images: they wait again to be attached, as a fresh upload does. */
  public Future<Void> detach(String reviewId, List<String> ids) {
    return ids.isEmpty() ? Future.succeededFuture()
        : images.detach(ids, reviewId, new Date(System.currentTimeMillis() + settings.unattachedTtlSeconds() * 1000));
  }

  /**
   * The review was deleted: the next sweep removes every image attached to it, also one its list missed (two edits
   * of the author's racing, each attaching images, leave only the last one's in the list).
   */
  public Future<Void> removeAll(String reviewId) {
    return images.releaseAll(reviewId, new Date());
  }

  /** An edit left these images out: the next sweep removes them. */
  public Future<Void> remove(String reviewId, List<String> ids) {
    return ids.isEmpty() ? Future.succeededFuture() : images.detach(ids, reviewId, new Date());
  }

  private Future<Void> whyNotAttachable(UUID userId, String id) {
    return images.get(id).compose(image -> {
      if (image != null && userId.toString().equals(image.getString("userId")) && image.getString("reviewId") != null) {
        return Future.failedFuture(ServiceException.unprocessable("REVIEW_IMAGE_ATTACHED",
            "Image " + id + " is attached to another review already"));
      }
      return Future.failedFuture(ServiceException.unprocessable("REVIEW_IMAGE_NOT_FOUND",
          "Image " + id + " is not one of your uploads waiting to be attached (they are kept "
              + settings.unattachedTtlSeconds() / 60 + " minutes)"));
    });
  }

  public static ServiceException tooMany(int max) {
    return ServiceException.unprocessable("TOO_MANY_IMAGES", "A review can have at most " + max + " images");
  }

  /** What a review keeps of an image and shows: its id and the URLs of its renditions. */
  private Document entry(Document image) {
    return new Document("id", image.getString("_id"))
        .append("thumbnail", settings.mediaPrefix() + image.getString("thumbnail"))
        .append("large", settings.mediaPrefix() + image.getString("large"));
  }

  /** An object for the gateway's {@code /media/} route: {@code {contentType, bytes}}; anything else 404. */
  public Future<JsonObject> media(String key) {
    if (!KEY.matcher(key).matches()) {
      return Future.failedFuture(ServiceException.notFound("No such image"));
    }
    return objects.get(key).map(bytes -> {
      if (bytes == null) {
        throw ServiceException.notFound("No such image");
      }
      return new JsonObject().put("contentType", key.endsWith(".png") ? "image/png" : "image/jpeg")
          .put("bytes", bytes);
    });
  }

  /**
   * Removes up to {@code batch} waiting images whose time is up, objects first and then the record; answers how many.
   * Each is first taken by one conditional update, so of several instances sweeping at once one removes it, and a
   * review can no longer claim it; a sweep that stops half-way leaves it to be taken again after a lease.
   */
  public Future<Integer> sweep(int batch) {
    Date now = new Date();
    return images.due(now, batch).compose(due -> Sweeper.oneByOne(due, image -> images.takeForSweep(
        image.getString("_id"), now, new Date(now.getTime() + SWEEP_LEASE_MS)).compose(taken -> {
          if (taken == null) {
            return Future.succeededFuture(false);
          }
          return objects.deleteQuietly(List.of(taken.getString("thumbnail"), taken.getString("large")))
              .compose(v -> images.delete(taken.getString("_id"))).map(true);
        })));
  }
}
