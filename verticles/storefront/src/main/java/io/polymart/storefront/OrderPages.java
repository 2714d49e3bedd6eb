package io.polymart.storefront;

import io.polymart.core.client.OrdersClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A signed-in shopper's orders: the list, and one order with its lines, totals (the server's), address and history.
 * The order page's script pays in the sandbox and follows the order's status live over {@code /ws}.
 */
final class OrderPages {
  static final String LIST = "/orders";
  static final String PREFIX = "/orders/";
  private static final int PAGE_SIZE = 20;
  /** Orders whose buyer may review what they bought (the reviews service checks it again). */
  private static final java.util.Set<String> REVIEWABLE = java.util.Set.of("DELIVERED", "COMPLETED");
  private final OrdersClient orders;
  private final Prices prices;

  OrderPages(OrdersClient orders, Prices prices) {
    this.orders = orders;
    this.prices = prices;
  }

  Future<Page> list(PageRequest request) {
    return orders.orders(request.shopper(), 1, PAGE_SIZE).map(page -> {
      Map<String, Object> model = new HashMap<>();
      model.put("title", "Your orders");
      model.put("orders", Fields.array(page, "items").stream().map(item -> summary((JsonObject) item)).toList());
      return Page.ok("orders", model);
    });
  }

  Future<Page> order(PageRequest request, String id) {
    if (!Fields.isUuid(id)) {
      return Future.succeededFuture(Page.notFound("order"));
    }
    return orders.order(request.shopper(), id).map(found -> found.map(order -> {
      Map<String, Object> model = summary(order);
      model.put("title", "Order " + order.getString("number"));
      model.put("lines", lines(Fields.array(order, "items")));
      model.put("reviewable", REVIEWABLE.contains(order.getString("status")));
      model.put("subtotal", prices.format(order.getString("subtotal")));
      model.put("discount", prices.format(order.getString("discount")));
      model.put("hasDiscount", order.getString("discount") != null && !"0.00".equals(order.getString("discount")));
      model.put("shippingFee", prices.format(order.getString("shippingFee")));
      model.put("address", Fields.plain(Fields.object(order, "address")));
      model.put("history", Fields.array(order, "history").stream().map(entry -> history((JsonObject) entry))
          .toList());
      model.put("payable", "PENDING_PAYMENT".equals(order.getString("status")));
      return Page.ok("order", model);
    }).orElseGet(() -> Page.notFound("order")));
  }

  private Map<String, Object> summary(JsonObject order) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", order.getString("id"));
    row.put("url", PREFIX + order.getString("id"));
    row.put("number", order.getString("number"));
    row.put("status", order.getString("status"));
    row.put("statusText", statusText(order.getString("status")));
    row.put("total", prices.format(order.getString("total")));
    row.put("placed", date(order.getString("createdAt")));
    row.put("itemCount", Fields.array(order, "items").size());
    return row;
  }

  private List<Map<String, Object>> lines(JsonArray items) {
    return items.stream().map(item -> {
      JsonObject line = (JsonObject) item;
      Map<String, Object> row = CartPage.line(line, prices);
      row.put("reviewUrl", ReviewPage.PATH + "?product=" + line.getString("productId") + "&sku="
          + line.getString("skuId"));
      return row;
    }).toList();
  }

  private static Map<String, Object> history(JsonObject entry) {
    return Map.of("status", statusText(entry.getString("to")), "at", date(entry.getString("at")));
  }

  /** {@code PENDING_PAYMENT} as shoppers read it: "Pending payment". */
  static String statusText(String status) {
    if (status == null) {
      return "";
    }
    String words = status.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** An ISO instant's date and minute, UTC: {@code 2026-12-05 09:30}. */
  private static String date(String instant) {
    return instant == null || instant.length() < 16 ? "" : instant.substring(0, 10) + " " + instant.substring(11, 16);
  }
}
