package io.polymart.cart;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/** What the catalog says about a SKU now (an item of catalog.skus.lookup). */
record SkuFacts(String skuId, String productId, String code, String name, JsonObject attributes, String image,
    BigDecimal unitPrice, int available, boolean forSale) {
  static SkuFacts fromJson(JsonObject json) {
    return new SkuFacts(json.getString("skuId"), json.getString("productId"), json.getString("code"),
        json.getString("name"), json.getJsonObject("attributes"), json.getString("image"),
        new BigDecimal(json.getString("unitPrice")), json.getInteger("available"), json.getBoolean("forSale"));
  }
}
