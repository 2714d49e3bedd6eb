package io.polymart.storefront;

import io.polymart.core.client.CatalogProductClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/**
 * Writing a review of a product the shopper bought ({@code /review?product=&sku=}): stars, a title, the text and
 * pictures. The page's script uploads the pictures and sends the review through the reviews API, which checks the
 * purchase; a review with pictures waits for a moderator.
 */
final class ReviewPage {
  static final String PATH = "/review";
  private final CatalogProductClient catalog;

  ReviewPage(CatalogProductClient catalog) {
    this.catalog = catalog;
  }

  Future<Page> render(PageRequest request) {
    String productId = request.param("product");
    String skuId = request.param("sku");
    if (productId == null || !Fields.isUuid(productId) || skuId != null && !Fields.isUuid(skuId)) {
      return Future.succeededFuture(Page.notFound("product"));
    }
    return catalog.activePage(productId, request.shopper()).map(found -> found.map(product -> {
      Map<String, Object> model = new HashMap<>();
      model.put("title", "Review " + product.getString("name"));
      model.put("productId", productId);
      model.put("skuId", skuId);
      model.put("name", product.getString("name"));
      model.put("variant", Fields.array(product, "skus").stream().map(JsonObject.class::cast)
          .filter(sku -> sku.getString("id").equals(skuId)).findFirst()
          .map(sku -> Fields.attributesText(sku.getJsonObject("attributes"))).orElse(null));
      return Page.ok("review", model);
    }).orElseGet(() -> Page.notFound("product")));
  }
}
