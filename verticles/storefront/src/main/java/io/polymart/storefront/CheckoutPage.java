package io.polymart.storefront;

import io.polymart.core.client.AddressesClient;
import io.polymart.core.client.CartClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkout, for a signed-in shopper: the cart's selected lines, the address book (and a form to add an address),
 * the coupon code and the subtotal. The page's script places the order through the orders API (with an
 * idempotency key, so a double click places one order), which prices it on the server, and then opens the order.
 */
final class CheckoutPage {
  static final String PATH = "/checkout";
  private final CartClient carts;
  private final AddressesClient addresses;
  private final Prices prices;

  CheckoutPage(CartClient carts, AddressesClient addresses, Prices prices) {
    this.carts = carts;
    this.addresses = addresses;
    this.prices = prices;
  }

  Future<Page> render(PageRequest request) {
    Future<JsonObject> cart = carts.cart(request.shopper());
    Future<JsonObject> book = addresses.addresses(request.shopper());
    return Future.all(cart, book).map(all -> {
      Map<String, Object> model = new HashMap<>();
      model.put("title", "Checkout");
      List<Map<String, Object>> lines = CartPage.lines(Fields.array(cart.result(), "items"), prices).stream()
          .filter(line -> Boolean.TRUE.equals(line.get("selected")) && Boolean.TRUE.equals(line.get("forSale")))
          .toList();
      model.put("lines", lines);
      model.put("subtotal", prices.format(cart.result().getString("subtotal", "0.00")));
      model.put("addresses", Fields.array(book.result(), "items").stream().map(item -> address((JsonObject) item))
          .toList());
      model.put("coupon", request.param("coupon"));
      return Page.ok("checkout", model);
    });
  }

  private static Map<String, Object> address(JsonObject address) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", address.getString("id"));
    row.put("receiver", address.getString("receiver"));
    row.put("phone", address.getString("phone"));
    row.put("line", String.join(", ", address.getString("detail"), address.getString("district"),
        address.getString("city"), address.getString("province"))
        + (address.getString("postalCode") == null ? "" : " " + address.getString("postalCode")));
    row.put("isDefault", address.getBoolean("isDefault", false));
    return row;
  }
}
