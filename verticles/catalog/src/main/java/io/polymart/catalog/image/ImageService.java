package io.polymart.catalog.image;

import io.polymart.core.image.ImageProcessor;
import io.polymart.core.image.ImageRejectedException;
import io.polymart.core.image.ProcessedImage;

import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.change.Change;
import io.polymart.catalog.product.Caller;
import io.polymart.catalog.product.OwnedProduct;
import io.polymart.catalog.product.ProductGuard;
import io.polymart.core.audit.AuditActor;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Product images: the upload is checked and resized on a worker thread, the three objects go to S3, and only
 * then is the image recorded; if recording fails the objects are removed, so a failed upload leaves nothing.
 */
public final class ImageService {
  private final WorkerExecutor resizing;
  private final Pool pool;
  private final CatalogTransactions writer;
  private final ProductGuard guard;
  private final ImageRepository images;
  private final ImageObjectRepository store;
  private final ImageProcessor processor;
  private final int maxPerProduct;
  private final String mediaPrefix;

  /**
   * {@code resizing} runs the decoding and resizing: a small pool, since a large decoded image takes a lot of memory
   * (a 40-megapixel one about 160 MB) and the work is CPU-bound anyway.
   */
  public ImageService(WorkerExecutor resizing, Pool pool, CatalogTransactions writer, ProductGuard guard,
      ImageRepository images, ImageObjectRepository store, ImageProcessor processor, int maxPerProduct,
      String mediaPrefix) {
    this.resizing = resizing;
    this.pool = pool;
    this.writer = writer;
    this.guard = guard;
    this.images = images;
    this.store = store;
    this.processor = processor;
    this.maxPerProduct = maxPerProduct;
    this.mediaPrefix = mediaPrefix;
  }

  public Future<JsonObject> upload(Caller caller, UUID productId, byte[] bytes, boolean cover) {
    return add(caller.actor(), productId, bytes, cover, tx -> guard.lockForChange(tx, productId, caller));
  }

  /** Adds an image on the platform's own behalf (the demo catalog). */
  public Future<JsonObject> addAsPlatform(UUID productId, byte[] bytes) {
    return add(null, productId, bytes, false, tx -> guard.lockAsPlatform(tx, productId));
  }

  /** {@code lock} locks the product row and checks the caller may change it; {@code actor} null: not audited. */
  private Future<JsonObject> add(AuditActor actor, UUID productId, byte[] bytes, boolean cover,
      Function<SqlConnection, Future<OwnedProduct>> lock) {
    UUID imageId = UUID.randomUUID();
    // Checking access and room first spares a forbidden or pointless upload the resizing work.
    return pool.withTransaction(tx -> lock.apply(tx).compose(product -> requireRoom(tx, productId)))
        .compose(v -> resizing.executeBlocking(() -> process(bytes), false))
        .compose(image -> {
          StoredImage stored = StoredImage.keys(productId, imageId, image);
          return Future.all(store.put(stored.originalKey(), image.original(), image.format().contentType()),
                  store.put(stored.mediumKey(), image.medium().bytes(), image.medium().contentType()),
                  store.put(stored.thumbnailKey(), image.thumbnail().bytes(), image.thumbnail().contentType()))
              .compose(v -> record(actor, lock, productId, imageId, image, stored, cover))
              .recover(failure -> store.deleteQuietly(stored.all()).compose(v -> Future.failedFuture(failure)));
        });
  }

  private ProcessedImage process(byte[] bytes) {
    try {
      return processor.process(bytes == null ? new byte[0] : bytes);
    } catch (ImageRejectedException e) {
      throw new ServiceException(e.status(), e.code(), e.getMessage(), null, null);
    }
  }

  private Future<JsonObject> record(AuditActor actor, Function<SqlConnection, Future<OwnedProduct>> lock,
      UUID productId,
      UUID imageId, ProcessedImage image, StoredImage stored, boolean cover) {
    return writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return lock.apply(tx)
          .compose(product -> requireRoom(tx, productId))
          .compose(count -> (cover || count == 0 ? images.clearCover(tx, productId) : Future.<Void>succeededFuture())
              .compose(v -> images.insert(tx, imageId, productId, cover || count == 0, image, stored)))
          .compose(v -> imagesChanged(change, productId))
          .map(all -> {
            JsonObject added = find(all, imageId);
            change.audit(actor, "image.upload", target(imageId), null, new JsonObject()
                .put("productId", productId.toString()).put("cover", added.getValue("cover")));
            return added;
          });
    });
  }

  public Future<JsonObject> delete(Caller caller, UUID productId, UUID imageId) {
    List<String> orphaned = new ArrayList<>();
    return writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return guard.lockForChange(tx, productId, caller)
          .compose(product -> images.delete(tx, productId, imageId))
          .compose(keys -> {
            if (keys == null) {
              throw ServiceException.notFound("Image not found");
            }
            orphaned.addAll(keys);
            change.audit(caller.actor(), "image.delete", target(imageId),
                new JsonObject().put("productId", productId.toString()), null);
            return imagesChanged(change, productId);
          });
    }).compose(v -> store.deleteQuietly(orphaned)).map((JsonObject) null);
  }

  /** Puts the product's images in the order of {@code ids}, which must list each of them once. */
  public Future<JsonObject> reorder(Caller caller, UUID productId, List<String> ids) {
    return writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return guard.lockForChange(tx, productId, caller)
          .compose(product -> images.all(tx, productId, mediaPrefix))
          .compose(before -> images.ids(tx, productId).map(existing -> {
            change.audit(caller.actor(), "image.reorder", "product:" + productId,
                new JsonObject().put("imageIds", imageIds(before)), new JsonObject().put("imageIds", ids));
            return existing;
          }))
          .compose(existing -> {
            // the schema has made the ids unique; whether they are this product's images takes the database
            if (!new HashSet<>(ids).equals(existing)) {
              throw ServiceException.invalidField("imageIds", "must list each of the product's images exactly once");
            }
            List<UUID> order = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
              order.add(UUID.fromString(ids.get(i)));
            }
            return images.reorder(tx, order);
          })
          .compose(v -> imagesChanged(change, productId))
          .map(all -> new JsonObject().put("items", all));
    });
  }

  public Future<JsonObject> cover(Caller caller, UUID productId, UUID imageId) {
    return writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return guard.lockForChange(tx, productId, caller)
          .compose(product -> images.all(tx, productId, mediaPrefix))
          .compose(before -> {
            JsonObject image = find(before, imageId);
            if (image == null) {
              throw ServiceException.notFound("Image not found");
            }
            JsonObject cover = before.stream().map(JsonObject.class::cast)
                .filter(i -> Boolean.TRUE.equals(i.getValue("cover"))).findFirst().orElse(null);
            change.audit(caller.actor(), "image.cover", target(imageId),
                new JsonObject().put("productId", productId.toString())
                    .put("coverImageId", cover == null ? null : cover.getString("id")),
                new JsonObject().put("productId", productId.toString()).put("coverImageId", imageId.toString()));
            return images.clearCover(tx, productId);
          })
          .compose(v -> images.setCover(tx, imageId))
          .compose(v -> imagesChanged(change, productId))
          .map(all -> new JsonObject().put("items", all));
    });
  }

  private static String target(UUID imageId) {
    return "image:" + imageId;
  }

  /** The image with that id among the product's, or null. */
  private static JsonObject find(JsonArray images, UUID imageId) {
    return images.stream().map(JsonObject.class::cast).filter(i -> imageId.toString().equals(i.getString("id")))
        .findFirst().orElse(null);
  }

  private static List<String> imageIds(JsonArray images) {
    return images.stream().map(JsonObject.class::cast).map(i -> i.getString("id")).toList();
  }

  private Future<Integer> requireRoom(SqlConnection tx, UUID productId) {
    return images.count(tx, productId).map(count -> {
      if (count >= maxPerProduct) {
        throw ServiceException.conflict("TOO_MANY_IMAGES", "A product can have at most " + maxPerProduct + " images");
      }
      return count;
    });
  }

  private Future<JsonArray> imagesChanged(Change change, UUID productId) {
    return images.all(change.connection(), productId, mediaPrefix).map(all -> {
      change.event(productId, "ProductUpdated", new JsonObject().put("productId", productId.toString())
          .put("changed", new JsonArray().add("images")).put("imageCount", all.size()));
      return all;
    });
  }
}
