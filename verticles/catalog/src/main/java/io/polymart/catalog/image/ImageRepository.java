package io.polymart.catalog.image;

import io.polymart.core.db.SqlSupport;
import io.polymart.core.image.ProcessedImage;

import io.polymart.catalog.product.ProductJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Product images in {@code catalog.product_images}: their order, which one is the cover, and their object keys. */
public final class ImageRepository {
  private static final String IMAGES_JSON = """
      SELECT coalesce(json_agg(%s ORDER BY im.position), '[]'::json) AS images
      FROM catalog.product_images im WHERE im.product_id = $1""".formatted(ProductJson.image("im", "$2"));

  /** The product's images as the API shows them, in order. */
  Future<JsonArray> all(SqlClient tx, UUID productId, String mediaPrefix) {
    return tx.preparedQuery(IMAGES_JSON).execute(Tuple.of(productId, mediaPrefix))
        .map(rows -> (JsonArray) rows.iterator().next().getValue("images"));
  }

  Future<Integer> count(SqlClient tx, UUID productId) {
    return SqlSupport.count(tx, "SELECT count(*) FROM catalog.product_images WHERE product_id = $1",
        Tuple.of(productId)).map(Long::intValue);
  }

  /** Adds the image after the product's last one. */
  Future<Void> insert(SqlClient tx, UUID imageId, UUID productId, boolean cover, ProcessedImage image,
      StoredImage stored) {
    return tx.preparedQuery("""
            INSERT INTO catalog.product_images (id, product_id, position, cover, content_type, width, height,
            size_bytes, original_key, medium_key, thumbnail_key) VALUES ($1, $2,
            (SELECT coalesce(max(position), 0) + 1 FROM catalog.product_images WHERE product_id = $2),
            $3, $4, $5, $6, $7, $8, $9, $10)""")
        .execute(Tuple.of(imageId, productId, cover, image.format().contentType(), image.width(), image.height())
            .addValue(image.original().length).addValue(stored.originalKey()).addValue(stored.mediumKey())
            .addValue(stored.thumbnailKey()))
        .mapEmpty();
  }

  /**
   * Removes the image and closes the gap in positions; when it was the cover, the first remaining image becomes
   * the cover. Returns the removed image's object keys, or null when the product has no such image.
   */
  Future<List<String>> delete(SqlClient tx, UUID productId, UUID imageId) {
    return tx.preparedQuery("""
            DELETE FROM catalog.product_images WHERE id = $1 AND product_id = $2
            RETURNING cover, original_key, medium_key, thumbnail_key""")
        .execute(Tuple.of(imageId, productId))
        .compose(rows -> {
          if (!rows.iterator().hasNext()) {
            return Future.succeededFuture(null);
          }
          Row row = rows.iterator().next();
          List<String> keys = List.of(row.getString("original_key"), row.getString("medium_key"),
              row.getString("thumbnail_key"));
          return tx.preparedQuery("""
                  UPDATE catalog.product_images im SET position = o.n,
                  cover = CASE WHEN $2 THEN o.n = 1 ELSE im.cover END FROM (SELECT id, row_number() OVER
                  (ORDER BY position) AS n FROM catalog.product_images WHERE product_id = $1) o
                  WHERE im.id = o.id""")
              .execute(Tuple.of(productId, row.getBoolean("cover")))
              .map(keys);
        });
  }

  /** The ids of the product's images, as strings. */
  Future<Set<String>> ids(SqlClient tx, UUID productId) {
    return tx.preparedQuery("SELECT id FROM catalog.product_images WHERE product_id = $1")
        .execute(Tuple.of(productId))
        .map(rows -> {
          Set<String> ids = new HashSet<>();
          rows.forEach(row -> ids.add(row.getUUID("id").toString()));
          return ids;
        });
  }

  /** Puts the images in the order of {@code imageIds}. */
  Future<Void> reorder(SqlClient tx, List<UUID> imageIds) {
    List<Tuple> positions = new ArrayList<>();
    for (int i = 0; i < imageIds.size(); i++) {
      positions.add(Tuple.of(imageIds.get(i), i + 1));
    }
    return positions.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(
        "UPDATE catalog.product_images SET position = $2 WHERE id = $1").executeBatch(positions).mapEmpty();
  }

  Future<Void> clearCover(SqlClient tx, UUID productId) {
    return tx.preparedQuery("UPDATE catalog.product_images SET cover = FALSE WHERE product_id = $1 AND cover")
        .execute(Tuple.of(productId)).mapEmpty();
  }

  Future<Void> setCover(SqlClient tx, UUID imageId) {
    return tx.preparedQuery("UPDATE catalog.product_images SET cover = TRUE WHERE id = $1")
        .execute(Tuple.of(imageId)).mapEmpty();
  }
}
