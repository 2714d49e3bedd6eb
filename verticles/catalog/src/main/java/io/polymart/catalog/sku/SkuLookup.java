package io.polymart.catalog.sku;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** The current facts of a few SKUs (price, stock, whether they are for sale), for carts. Read-only. */
public final class SkuLookup {
  private static final int MAX_IDS = 100;
  private static final String SQL = "SELECT json_build_object('skuId', s.id, 'productId', s.product_id, "
      + "'sellerId', p.seller_id, 'code', s.code, 'name', p.name, 'attributes', s.attributes, "
      + "'image', (SELECT $2 || im.thumbnail_key FROM catalog.product_images im "
      + "WHERE im.product_id = p.id AND im.cover), 'unitPrice', s.price::text, 'available', i.on_hand - i.reserved, "
      + "'forSale', s.status = 'ACTIVE' AND p.status = 'ACTIVE') AS item "
      + "FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id "
      + "JOIN catalog.inventory i ON i.sku_id = s.id WHERE s.id = ANY($1) ORDER BY s.id";
  private final SqlClient reads;
  private final String mediaPrefix;

  public SkuLookup(SqlClient reads, String mediaPrefix) {
    this.reads = reads;
    this.mediaPrefix = mediaPrefix;
  }

  /** {@code {skuIds: [...]}} → {@code {items: [...]}}; unknown ids are left out. */
  public Future<JsonObject> lookup(BusRequest request) {
    Set<UUID> ids = skuIds(request.body().getValue("skuIds"));
    return reads.preparedQuery(SQL).execute(Tuple.of(ids.toArray(UUID[]::new), mediaPrefix))
        .map(rows -> {
          JsonArray items = new JsonArray();
          for (Row row : rows) {
            items.add(row.getValue("item"));
          }
          return new JsonObject().put("items", items);
        });
  }

  private static Set<UUID> skuIds(Object value) {
    if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_IDS) {
      throw ServiceException.invalidField("skuIds", "must list 1 to " + MAX_IDS + " SKU ids");
    }
    Set<UUID> ids = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      ids.add(skuId(array.getValue(i), "skuIds[" + i + "]"));
    }
    return ids;
  }

  private static UUID skuId(Object value, String field) {
    try {
      if (value instanceof String text) {
        return UUID.fromString(text);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ServiceException.invalidField(field, "must be a SKU id");
  }
}
