package io.polymart.reviews;

import io.polymart.core.client.CatalogProductClient;
import io.polymart.core.client.CatalogProductClient.ActiveProduct;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** The catalog's view of a product being reviewed, asked over the event bus ({@code catalog.product.get}). */
final class ReviewedProducts {
  private final CatalogProductClient catalog;

  ReviewedProducts(CatalogProductClient catalog) {
    this.catalog = catalog;
  }

  /**
   * The product, when the catalog sells it now: an unknown, draft, withdrawn or deleted one is 404, a catalog that is
   * not deployed or does not answer in time 503.
   */
  Future<ActiveProduct> active(UUID productId) {
    return catalog.activeProduct(productId)
        .recover(failure -> {
          ServiceException mapped = ServiceException.fromFailure(failure);
          // the catalog being away is a 503 worth retrying; any other failure is a defect: logged, then a 500
          return Future.failedFuture(mapped.status() == 503 ? mapped : failure);
        })
        .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
            : Future.failedFuture(ServiceException.notFound("Product not found")));
  }

  /** The attributes of the product's SKU {@code skuId}, as the catalog has them now; 422 SKU_NOT_OF_PRODUCT. */
  static JsonObject skuAttributes(ActiveProduct product, UUID skuId) {
    JsonObject attributes = product.attributesOf(skuId);
    if (attributes == null) {
      throw ServiceException.unprocessable("SKU_NOT_OF_PRODUCT", "This SKU is not one of the product's");
    }
    return attributes;
  }
}
