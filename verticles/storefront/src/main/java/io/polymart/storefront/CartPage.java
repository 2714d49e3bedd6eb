package io.polymart.storefront;

import io.polymart.core.client.BusCaller;
import io.polymart.core.client.CartClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cart: its lines with their warnings (price changed, stock short, no longer for sale), quantities and which go
 * to checkout, the subtotal, and a coupon code to take to checkout. A guest's cart is the one of their cart cookie;
 * signing in merges it into the user's. The page's script changes lines through the cart API.
 */
final class CartPage {
  static final String PATH = "/cart";
  private final CartClient carts;
  private final Prices prices;

  CartPage(CartClient carts, Prices prices) {
    this.carts = carts;
    this.prices = prices;
  }

  Future<Page> render(PageRequest request) {
    BusCaller owner = request.cartOwner();
    Future<JsonObject> cart = owner == null ? Future.succeededFuture(new JsonObject()) : carts.cart(owner);
    return cart.map(json -> {
      Map<String, Object> model = new HashMap<>();
      model.put("title", "Your cart");
      model.put("lines", lines(Fields.array(json, "items"), prices));
      model.put("subtotal", prices.format(json.getString("subtotal", "0.00")));
      model.put("selectedQuantity", json.getInteger("selectedQuantity", 0));
      model.put("checkout", request.signedIn() ? "/checkout" : AccountPages.SIGN_IN + "?next=%2Fcheckout");
      return Page.ok("cart", model);
    });
  }

  /** Cart lines as the cart and checkout pages show them. */
  static List<Map<String, Object>> lines(JsonArray items, Prices prices) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Object item : items) {
      JsonObject line = (JsonObject) item;
      Map<String, Object> row = line(line, prices);
      row.put("skuId", line.getString("skuId"));
      row.put("selected", line.getBoolean("selected", false));
      row.put("forSale", line.getBoolean("forSale", true));
      row.put("warnings", Fields.array(line, "warnings").stream().map(w -> ((JsonObject) w).getString("message"))
          .toList());
      lines.add(row);
    }
    return lines;
  }

  /**
   * What a cart line and an order line show alike (the two share these fields): the product's link, name, variant,
   * picture, unit price, quantity and line total.
   */
  static Map<String, Object> line(JsonObject line, Prices prices) {
    Map<String, Object> row = new HashMap<>();
    row.put("url", ProductPage.PREFIX + line.getString("productId"));
    row.put("name", line.getString("name"));
    row.put("variant", Fields.attributesText(line.getJsonObject("attributes")));
    row.put("image", line.getString("image"));
    row.put("unitPrice", prices.format(line.getString("unitPrice")));
    row.put("quantity", line.getInteger("quantity"));
    row.put("lineTotal", prices.format(line.getString("lineTotal")));
    return row;
  }
}
