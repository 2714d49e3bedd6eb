package io.polymart.cart;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The cart as its owner sees it: each line with the catalog's current facts and warnings, and the subtotal of the
 * selected lines that are for sale. A line whose SKU the catalog no longer knows stays, marked UNAVAILABLE.
 */
final class CartView {
  private final String currency;

  CartView(String currency) {
    this.currency = currency;
  }

  JsonObject render(Cart cart, Map<String, SkuFacts> facts) {
    JsonArray items = new JsonArray();
    BigDecimal subtotal = BigDecimal.ZERO;
    for (CartLine line : cart.lines()) {
      SkuFacts sku = facts.get(line.skuId());
      BigDecimal lineTotal = sku == null ? null : sku.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
      if (line.selected() && sku != null && sku.forSale()) {
        subtotal = subtotal.add(lineTotal);
      }
      items.add(new JsonObject()
          .put("skuId", line.skuId())
          .put("productId", sku == null ? null : sku.productId())
          .put("code", sku == null ? null : sku.code())
          .put("name", sku == null ? null : sku.name())
          .put("attributes", sku == null ? null : sku.attributes())
          .put("image", sku == null ? null : sku.image())
          .put("unitPrice", sku == null ? null : money(sku.unitPrice()))
          .put("addedPrice", money(new BigDecimal(line.addedPrice())))
          .put("quantity", line.quantity())
          .put("selected", line.selected())
          .put("lineTotal", lineTotal == null ? null : money(lineTotal))
          .put("available", sku == null ? 0 : sku.available())
          .put("forSale", sku != null && sku.forSale())
          .put("warnings", warnings(line, sku)));
    }
    return new JsonObject().put("items", items).put("lineCount", cart.lineCount())
        .put("selectedQuantity", cart.selectedQuantity()).put("subtotal", money(subtotal)).put("currency", currency);
  }

  /** UNAVAILABLE says it all for a line that cannot be bought; a line that can may have changed price or run short. */
  private static JsonArray warnings(CartLine line, SkuFacts sku) {
    JsonArray warnings = new JsonArray();
    if (sku == null || !sku.forSale()) {
      return warnings.add(warning("UNAVAILABLE", sku == null ? "This item no longer exists"
          : "This item is not for sale at the moment"));
    }
    BigDecimal addedPrice = new BigDecimal(line.addedPrice());
    if (sku.unitPrice().compareTo(addedPrice) != 0) {
      warnings.add(warning("PRICE_CHANGED", "The price changed from " + money(addedPrice) + " to "
          + money(sku.unitPrice()) + " since this item was added"));
    }
    if (sku.available() < line.quantity()) {
      warnings.add(warning("STOCK_SHORT", sku.available() == 0 ? "Out of stock"
          : "Only " + sku.available() + " left in stock"));
    }
    return warnings;
  }

  private static JsonObject warning(String code, String message) {
    return new JsonObject().put("code", code).put("message", message);
  }

  static String money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
