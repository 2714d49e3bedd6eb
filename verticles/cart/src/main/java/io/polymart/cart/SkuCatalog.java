package io.polymart.cart;

import io.polymart.core.client.SkuLookupClient;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** SKU facts from the catalog over the event bus ({@code catalog.skus.lookup}); the cart never reads its store. */
final class SkuCatalog {
  private final SkuLookupClient skus;

  SkuCatalog(SkuLookupClient skus) {
    this.skus = skus;
  }

  /** The facts of the known SKUs among {@code skuIds}, by SKU id; unknown SKUs are missing from the map. */
  Future<Map<String, SkuFacts>> lookup(Collection<String> skuIds) {
    return skus.lookup(skuIds)
        .<Map<String, SkuFacts>>map(found -> {
          Map<String, SkuFacts> facts = new HashMap<>();
          found.forEach((skuId, item) -> facts.put(skuId, SkuFacts.fromJson(item)));
          return facts;
        })
        .recover(failure -> {
          ServiceException mapped = ServiceException.fromFailure(failure);
          // The catalog being away is a 503 worth retrying; any other failure is a bug here: logged, then a 500.
          return Future.failedFuture(mapped.status() == 503 ? mapped : failure);
        });
  }
}
