package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The catalog's current view of SKUs ({@link Addresses#CATALOG_SKUS_LOOKUP}), asked for in batches it accepts. */
public final class SkuLookupClient {
  /** The most SKU ids one lookup takes. */
  public static final int MAX_PER_LOOKUP = 100;
  private final BusClient bus;

  public SkuLookupClient(BusClient bus) {
    this.bus = bus;
  }

  /**
   * {@code {skuId, productId, sellerId, code, name, attributes, image, unitPrice, available, forSale}} of each known
   * SKU among {@code skuIds}, by SKU id; unknown SKUs are missing from the map. Any number of ids, repeats allowed.
   */
  public Future<Map<String, JsonObject>> lookup(Collection<String> skuIds) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(skuIds));
    List<Future<JsonArray>> batches = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += MAX_PER_LOOKUP) {
      batches.add(lookupBatch(ids.subList(from, Math.min(ids.size(), from + MAX_PER_LOOKUP))));
    }
    return Future.all(batches).map(done -> {
      Map<String, JsonObject> found = new HashMap<>();
      for (Future<JsonArray> batch : batches) {
        batch.result().forEach(item -> found.put(((JsonObject) item).getString("skuId"), (JsonObject) item));
      }
      return found;
    });
  }

  private Future<JsonArray> lookupBatch(List<String> skuIds) {
    JsonObject body = new JsonObject().put("skuIds", new JsonArray(new ArrayList<>(skuIds)));
    return bus.request(Addresses.CATALOG_SKUS_LOOKUP, body).map(reply -> reply.getJsonArray("items"));
  }
}
