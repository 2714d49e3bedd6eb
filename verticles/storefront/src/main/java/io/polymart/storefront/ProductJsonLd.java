package io.polymart.storefront;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The product page's schema.org {@code Product} with its {@code AggregateRating}, as JSON to put inside a
 * {@code <script type="application/ld+json">}: {@code <}, {@code >} and {@code &} are written as JSON escapes, so no
 * product or brand name can close the element.
 */
final class ProductJsonLd {
  private ProductJsonLd() {
  }

  static String of(JsonObject product, JsonObject summary, String currency) {
    JsonObject ld = new JsonObject().put("@context", "https://schema.org").put("@type", "Product")
        .put("name", product.getString("name")).put("description", product.getString("description"))
        .put("productID", product.getString("id"));
    JsonArray images = new JsonArray();
    Fields.array(product, "images").forEach(image -> images.add(Fields.object((JsonObject) image, "urls")
        .getString("original")));
    ld.put("image", images);
    JsonObject brand = product.getJsonObject("brand");
    if (brand != null) {
      ld.put("brand", new JsonObject().put("@type", "Brand").put("name", brand.getString("name")));
    }
    if (product.getString("price") != null) {
      boolean inStock = Fields.array(product, "skus").stream()
          .anyMatch(sku -> ((JsonObject) sku).getInteger("available", 0) > 0);
      ld.put("offers", new JsonObject().put("@type", "Offer").put("price", product.getString("price"))
          .put("priceCurrency", currency)
          .put("availability", inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock"));
    }
    if (summary != null && summary.getInteger("count", 0) > 0) {
      ld.put("aggregateRating", new JsonObject().put("@type", "AggregateRating")
          .put("ratingValue", summary.getValue("average")).put("reviewCount", summary.getInteger("count")));
    }
    return ld.encode().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
