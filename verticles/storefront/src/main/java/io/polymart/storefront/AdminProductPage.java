package io.polymart.storefront;

import io.polymart.core.client.CatalogProductClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/**
 * A product's SKUs in the console, with what is available of each and a form to add or remove stock (the page's
 * script calls the catalog's stock API, which records the reason). Sellers reach their own products, admins any.
 */
final class AdminProductPage {
  private final CatalogProductClient catalog;
  private final Prices prices;

  AdminProductPage(CatalogProductClient catalog, Prices prices) {
    this.catalog = catalog;
    this.prices = prices;
  }

  Future<Page> render(PageRequest request, String productId) {
    if (!Fields.isUuid(productId)) {
      return Future.succeededFuture(Page.notFound("product"));
    }
    return catalog.page(productId, request.shopper()).map(found -> found.map(product -> {
      Map<String, Object> model = new HashMap<>();
      model.put("title", "Stock of " + product.getString("name"));
      model.put("name", product.getString("name"));
      model.put("status", OrderPages.statusText(product.getString("status")));
      model.put("url", ProductPage.PREFIX + productId);
      model.put("skus", Fields.array(product, "skus").stream().map(item -> {
        JsonObject sku = (JsonObject) item;
        Map<String, Object> row = new HashMap<>();
        row.put("id", sku.getString("id"));
        row.put("code", sku.getString("code"));
        row.put("variant", Fields.attributesText(sku.getJsonObject("attributes")));
        row.put("price", prices.format(sku.getString("price")));
        row.put("available", sku.getValue("available"));
        return row;
      }).toList());
      return Page.ok("admin-product", model);
    }).orElseGet(() -> Page.notFound("product")));
  }
}
