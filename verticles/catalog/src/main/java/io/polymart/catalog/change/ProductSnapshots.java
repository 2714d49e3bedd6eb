package io.polymart.catalog.change;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a consumer of product events needs to know about a product without reading the catalog (the recommendations
 * verticle): name, slug, status, category, brand, the cover's medium image URL, the cheapest active SKU's price and,
 * per attribute name, its values across the product's SKUs. Read in the transaction of the change, after it.
 */
public final class ProductSnapshots {
  private static final String QUERY = """
      SELECT p.id, json_build_object('name', p.name, 'slug', p.slug, 'status', p.status,
        'categoryId', p.category_id, 'brandId', p.brand_id,
        'image', (SELECT $2 || im.medium_key FROM catalog.product_images im
                  WHERE im.product_id = p.id AND im.cover LIMIT 1),
        'minPrice', p.min_price::text,
        'attributes', coalesce((SELECT jsonb_object_agg(a.key, a.vals) FROM (
            SELECT e.key, jsonb_agg(DISTINCT e.value ORDER BY e.value) AS vals
            FROM catalog.skus s CROSS JOIN LATERAL jsonb_each(s.attributes) e
            WHERE s.product_id = p.id GROUP BY e.key) a), '{}'::jsonb)) AS snapshot
      FROM catalog.products p WHERE p.id = ANY($1)""";
  private final String mediaPrefix;

  public ProductSnapshots(String mediaPrefix) {
    this.mediaPrefix = mediaPrefix;
  }

  /** The snapshots of the products that exist among {@code ids}, by id. */
  Future<Map<UUID, JsonObject>> read(SqlConnection tx, Collection<UUID> ids) {
    return tx.preparedQuery(QUERY).execute(Tuple.tuple().addArrayOfUUID(ids.toArray(UUID[]::new))
            .addString(mediaPrefix))
        .map(rows -> {
          Map<UUID, JsonObject> snapshots = new HashMap<>();
          for (Row row : rows) {
            snapshots.put(row.getUUID("id"), (JsonObject) row.getValue("snapshot"));
          }
          return snapshots;
        });
  }
}
