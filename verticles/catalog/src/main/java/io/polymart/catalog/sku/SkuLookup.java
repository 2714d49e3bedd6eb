package io.polymart.catalog.sku;

import io.polymart.catalog.cache.SkuFactsCache;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The current facts of a few SKUs (price, stock, whether they are for sale), for carts and checkout. Read-only; the
 * facts of SKUs whose product did not change since are served from {@link SkuFactsCache}.
 */
public final class SkuLookup {
  private static final int MAX_IDS = 100;
  private final SqlClient reads;
  private final SkuRepository skus;
  private final SkuFactsCache cache;
  private final String mediaPrefix;

  public SkuLookup(SqlClient reads, SkuRepository skus, SkuFactsCache cache, String mediaPrefix) {
    this.reads = reads;
    this.skus = skus;
    this.cache = cache;
    this.mediaPrefix = mediaPrefix;
  }

  /** The SKUs' facts as {@code {items: [...]}}; unknown ids are left out. */
  public Future<JsonObject> lookup(Set<UUID> ids) {
    return cache.get(ids, this::load).map(items -> new JsonObject().put("items", new JsonArray(new ArrayList<>(items))));
  }

  private Future<List<JsonObject>> load(Set<UUID> ids) {
    return skus.lookup(reads, ids.toArray(UUID[]::new), mediaPrefix).map(rows -> {
      List<JsonObject> items = new ArrayList<>(rows.size());
      for (Row row : rows) {
        items.add(row.getJsonObject("item"));
      }
      return items;
    });
  }

  /** The {@code skuIds} of a lookup: 1 to 100 SKU ids. */
  public static Set<UUID> skuIds(Object value) {
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
