package io.polymart.cart;

import io.polymart.core.bus.Addresses;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** SKU facts from the catalog over the event bus ({@code catalog.skus.lookup}); the cart never reads its store. */
final class SkuCatalog {
  private static final int MAX_PER_LOOKUP = 100;
  private final EventBus bus;

  SkuCatalog(EventBus bus) {
    this.bus = bus;
  }

  /** The facts of the known SKUs among {@code skuIds}, by SKU id; unknown SKUs are missing from the map. */
  Future<Map<String, SkuFacts>> lookup(Collection<String> skuIds) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(skuIds));
    List<Future<JsonArray>> batches = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += MAX_PER_LOOKUP) {
      batches.add(lookupBatch(ids.subList(from, Math.min(ids.size(), from + MAX_PER_LOOKUP))));
    }
    return Future.all(batches).map(done -> {
      Map<String, SkuFacts> facts = new HashMap<>();
      for (Future<JsonArray> batch : batches) {
        batch.result().forEach(item -> {
          SkuFacts sku = SkuFacts.fromJson((JsonObject) item);
          facts.put(sku.skuId(), sku);
        });
      }
      return facts;
    });
  }

  private Future<JsonArray> lookupBatch(List<String> skuIds) {
    JsonObject body = new JsonObject().put("skuIds", new JsonArray(new ArrayList<>(skuIds)));
    return bus.<JsonObject>request(Addresses.CATALOG_SKUS_LOOKUP, BusRequest.envelope(body))
        .map(reply -> reply.body().getJsonArray("items"))
        .recover(failure -> {
          ServiceException mapped = ServiceException.fromFailure(failure);
          // The catalog being away is a 503 worth retrying; any other failure is a bug here: logged, then a 500.
          return Future.failedFuture(mapped.status() == 503 ? mapped : failure);
        });
  }
}
