package io.polymart.catalog.image;

import io.polymart.catalog.change.CatalogWriter;
import io.polymart.catalog.change.Change;
import io.polymart.catalog.product.ProductGuard;
import io.polymart.catalog.product.ProductJson;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

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
  private static final String IMAGES_JSON = "SELECT coalesce(json_agg(" + ProductJson.image("im", "$2")
      + " ORDER BY im.position), '[]'::json) AS images FROM catalog.product_images im WHERE im.product_id = $1";
  private final WorkerExecutor resizing;
  private final Pool pool;
  private final CatalogWriter writer;
  private final ImageStore store;
  private final ImageProcessor processor;
  private final int maxPerProduct;
  private final String mediaPrefix;

  /**
   * {@code resizing} runs the decoding and resizing: a small pool, since a large decoded image takes a lot of memory
   * (a 40-megapixel one about 160 MB) and the work is CPU-bound anyway.
   */
  public ImageService(WorkerExecutor resizing, Pool pool, CatalogWriter writer, ImageStore store, ImageProcessor processor,
      int maxPerProduct, String mediaPrefix) {
    this.resizing = resizing;
    this.pool = pool;
    this.writer = writer;
    this.store = store;
    this.processor = processor;
    this.maxPerProduct = maxPerProduct;
    this.mediaPrefix = mediaPrefix;
  }

  public Future<JsonObject> upload(BusRequest request) {
    UUID productId = request.uuidParam("id", "Product");
    byte[] bytes = request.body().getBinary("file");
    boolean cover = request.body().getBoolean("cover", false);
    return add(productId, bytes, cover, tx -> ProductGuard.lockForChange(tx, productId, request));
  }

  /** Adds an image on the platform's own behalf (the demo catalog). */
  public Future<JsonObject> addAsPlatform(UUID productId, byte[] bytes) {
    return add(productId, bytes, false, tx -> ProductGuard.lockAsPlatform(tx, productId));
  }

  /** {@code lock} locks the product row and checks the caller may change it. */
  private Future<JsonObject> add(UUID productId, byte[] bytes, boolean cover,
      Function<SqlConnection, Future<ProductGuard.OwnedProduct>> lock) {
    UUID imageId = UUID.randomUUID();
    // Checking access and room first spares a forbidden or pointless upload the resizing work.
    return pool.withTransaction(tx -> lock.apply(tx).compose(product -> requireRoom(tx, productId)))
        .compose(v -> resizing.executeBlocking(() -> process(bytes), false))
        .compose(image -> {
          StoredImage stored = StoredImage.keys(productId, imageId, image);
          return Future.all(store.put(stored.originalKey(), image.original(), image.format().contentType()),
                  store.put(stored.mediumKey(), image.medium().bytes(), image.medium().contentType()),
                  store.put(stored.thumbnailKey(), image.thumbnail().bytes(), image.thumbnail().contentType()))
              .compose(v -> record(lock, productId, imageId, image, stored, cover))
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

  private Future<JsonObject> record(Function<SqlConnection, Future<ProductGuard.OwnedProduct>> lock, UUID productId,
      UUID imageId, ProcessedImage image, StoredImage stored, boolean cover) {
    return writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return lock.apply(tx)
          .compose(product -> requireRoom(tx, productId))
          .compose(count -> (cover || count == 0 ? clearCover(tx, productId) : Future.<Void>succeededFuture())
              .compose(v -> tx.preparedQuery("INSERT INTO catalog.product_images (id, product_id, position, cover, "
                      + "content_type, width, height, size_bytes, original_key, medium_key, thumbnail_key) VALUES "
                      + "($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM catalog.product_images WHERE product_id = $2), "
                      + "$3, $4, $5, $6, $7, $8, $9, $10)")
                  .execute(Tuple.of(imageId, productId, cover || count == 0, image.format().contentType(), image.width(),
                          image.height()).addValue(image.original().length).addValue(stored.originalKey())
                      .addValue(stored.mediumKey()).addValue(stored.thumbnailKey()))))
          .compose(v -> imagesChanged(change, productId))
          .map(images -> images.stream().map(JsonObject.class::cast)
              .filter(i -> imageId.toString().equals(i.getString("id"))).findFirst().orElseThrow());
    });
  }

  public Future<JsonObject> delete(BusRequest request) {
    UUID productId = request.uuidParam("id", "Product");
    UUID imageId = request.uuidParam("imageId", "Image");
    List<String> orphaned = new ArrayList<>();
    return writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return ProductGuard.lockForChange(tx, productId, request)
          .compose(product -> tx.preparedQuery("DELETE FROM catalog.product_images WHERE id = $1 AND product_id = $2 "
              + "RETURNING cover, original_key, medium_key, thumbnail_key").execute(Tuple.of(imageId, productId)))
          .compose(rows -> {
            if (!rows.iterator().hasNext()) {
              throw ServiceException.notFound("Image not found");
            }
            Row row = rows.iterator().next();
            orphaned.addAll(List.of(row.getString("original_key"), row.getString("medium_key"),
                row.getString("thumbnail_key")));
            // close the gap in positions, and the first remaining image becomes the cover if the cover went
            return tx.preparedQuery("UPDATE catalog.product_images im SET position = o.n, "
                    + "cover = CASE WHEN $2 THEN o.n = 1 ELSE im.cover END FROM (SELECT id, row_number() OVER "
                    + "(ORDER BY position) AS n FROM catalog.product_images WHERE product_id = $1) o "
                    + "WHERE im.id = o.id")
                .execute(Tuple.of(productId, row.getBoolean("cover")));
          })
          .compose(v -> imagesChanged(change, productId));
    }).compose(v -> store.deleteQuietly(orphaned)).map((JsonObject) null);
  }

  public Future<JsonObject> reorder(BusRequest request) {
    UUID productId = request.uuidParam("id", "Product");
    JsonArray ids = request.body().getJsonArray("imageIds");
    return writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return ProductGuard.lockForChange(tx, productId, request)
          .compose(product -> tx.preparedQuery("SELECT id FROM catalog.product_images WHERE product_id = $1")
              .execute(Tuple.of(productId)))
          .compose(rows -> {
            Set<String> existing = new HashSet<>();
            rows.forEach(row -> existing.add(row.getUUID("id").toString()));
            Set<String> given = new HashSet<>();
            ids.forEach(id -> given.add(String.valueOf(id)));
            if (given.size() != ids.size() || !given.equals(existing)) {
              throw ServiceException.invalidField("imageIds", "must list each of the product's images exactly once");
            }
            List<Tuple> positions = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
              positions.add(Tuple.of(UUID.fromString(ids.getString(i)), i + 1));
            }
            return positions.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(
                "UPDATE catalog.product_images SET position = $2 WHERE id = $1").executeBatch(positions).mapEmpty();
          })
          .compose(v -> imagesChanged(change, productId))
          .map(images -> new JsonObject().put("items", images));
    });
  }

  public Future<JsonObject> cover(BusRequest request) {
    UUID productId = request.uuidParam("id", "Product");
    UUID imageId = request.uuidParam("imageId", "Image");
    return writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return ProductGuard.lockForChange(tx, productId, request)
          .compose(product -> tx.preparedQuery("SELECT 1 FROM catalog.product_images WHERE id = $1 AND product_id = $2")
              .execute(Tuple.of(imageId, productId)))
          .compose(rows -> {
            if (!rows.iterator().hasNext()) {
              throw ServiceException.notFound("Image not found");
            }
            return clearCover(tx, productId);
          })
          .compose(v -> tx.preparedQuery("UPDATE catalog.product_images SET cover = TRUE WHERE id = $1")
              .execute(Tuple.of(imageId)))
          .compose(v -> imagesChanged(change, productId))
          .map(images -> new JsonObject().put("items", images));
    });
  }

  private Future<Integer> requireRoom(SqlConnection tx, UUID productId) {
    return tx.preparedQuery("SELECT count(*) FROM catalog.product_images WHERE product_id = $1")
        .execute(Tuple.of(productId)).map(rows -> {
          int count = rows.iterator().next().getLong(0).intValue();
          if (count >= maxPerProduct) {
            throw ServiceException.conflict("TOO_MANY_IMAGES", "A product can have at most " + maxPerProduct + " images");
          }
          return count;
        });
  }

  private static Future<Void> clearCover(SqlConnection tx, UUID productId) {
    return tx.preparedQuery("UPDATE catalog.product_images SET cover = FALSE WHERE product_id = $1 AND cover")
        .execute(Tuple.of(productId)).mapEmpty();
  }

  private Future<JsonArray> imagesChanged(Change change, UUID productId) {
    return change.connection().preparedQuery(IMAGES_JSON).execute(Tuple.of(productId, mediaPrefix)).map(rows -> {
      JsonArray images = (JsonArray) rows.iterator().next().getValue("images");
      change.event(productId, "ProductUpdated", new JsonObject().put("productId", productId.toString())
          .put("changed", new JsonArray().add("images")).put("imageCount", images.size()));
      return images;
    });
  }
}
