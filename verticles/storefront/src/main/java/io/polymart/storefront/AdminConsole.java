package io.polymart.storefront;

import io.polymart.core.client.CatalogProductClient;
import io.polymart.core.client.OrdersClient;
import io.polymart.core.client.ReviewsClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seller and admin console: orders and revenue per day for the last 30 days as charts, the orders to ship and
 * to mark delivered, the reviews waiting for a moderator, and the products with a link to their stock. A seller sees
 * their own, an admin everything (the services decide). The page's script acts through the staff API.
 */
final class AdminConsole {
  static final String PATH = "/admin";
  static final String PRODUCT_PREFIX = "/admin/products/";
  private static final int DAYS = 30;
  private static final int LIST_SIZE = 20;
  private final OrdersClient orders;
  private final ReviewsClient reviews;
  private final CatalogProductClient catalog;
  private final Prices prices;

  AdminConsole(OrdersClient orders, ReviewsClient reviews, CatalogProductClient catalog, Prices prices) {
    this.orders = orders;
    this.reviews = reviews;
    this.catalog = catalog;
    this.prices = prices;
  }

  Future<Page> render(PageRequest request) {
    Future<JsonObject> sales = orders.sales(request.shopper(), DAYS);
    Future<JsonObject> toShip = orders.staffOrders(request.shopper(), "PAID", LIST_SIZE);
    Future<JsonObject> shipped = orders.staffOrders(request.shopper(), "SHIPPED", LIST_SIZE);
    Future<JsonObject> pending = Sections.orNull(reviews.moderation(request.shopper(), "PENDING", LIST_SIZE),
        "reviews to moderate");
    Future<JsonObject> products = catalog.sellerProducts(request.shopper(), LIST_SIZE);
    return Future.all(List.of(sales, toShip, shipped, pending, products)).map(all -> {
      Map<String, Object> model = new HashMap<>();
      model.put("title", "Console");
      JsonArray days = Fields.array(sales.result(), "days");
      model.put("revenueChart", SalesChart.revenue(days, prices));
      model.put("ordersChart", SalesChart.orders(days));
      model.put("days", days.stream().map(day -> Map.of("date", ((JsonObject) day).getString("date"),
          "orders", ((JsonObject) day).getLong("orders"),
          "revenue", prices.format(((JsonObject) day).getString("revenue")))).toList());
      model.put("toShip", orderRows(toShip.result()));
      model.put("shipped", orderRows(shipped.result()));
      model.put("reviewsAvailable", pending.result() != null);
      model.put("pendingReviews", Fields.array(pending.result(), "items").stream()
          .map(review -> review((JsonObject) review)).toList());
      model.put("products", Fields.array(products.result(), "items").stream()
          .map(product -> product((JsonObject) product)).toList());
      return Page.ok("admin", model);
    });
  }

  private List<Map<String, Object>> orderRows(JsonObject page) {
    return Fields.array(page, "items").stream().map(item -> {
      JsonObject order = (JsonObject) item;
      JsonObject address = Fields.object(order, "address");
      Map<String, Object> row = new HashMap<>();
      row.put("id", order.getString("id"));
      row.put("number", order.getString("number"));
      row.put("total", prices.format(order.getString("total")));
      row.put("items", Fields.array(order, "items").stream().map(line -> ((JsonObject) line).getString("name")
          + " × " + ((JsonObject) line).getInteger("quantity")).toList());
      row.put("to", address.getString("receiver", "") + ", " + address.getString("city", ""));
      return row;
    }).toList();
  }

  private static Map<String, Object> review(JsonObject review) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", review.getString("id"));
    row.put("productUrl", ProductPage.PREFIX + review.getString("productId"));
    row.put("stars", Ratings.stars(review.getInteger("rating", 0)));
    row.put("title", review.getString("title"));
    row.put("body", review.getString("body"));
    row.put("images", Fields.plain(Fields.array(review, "images")));
    return row;
  }

  private Map<String, Object> product(JsonObject product) {
    Map<String, Object> row = new HashMap<>();
    row.put("name", product.getString("name"));
    row.put("status", OrderPages.statusText(product.getString("status")));
    row.put("price", prices.format(product.getString("price")));
    row.put("sold", product.getValue("soldCount"));
    row.put("url", ProductPage.PREFIX + product.getString("id"));
    row.put("stockUrl", PRODUCT_PREFIX + product.getString("id"));
    return row;
  }
}
