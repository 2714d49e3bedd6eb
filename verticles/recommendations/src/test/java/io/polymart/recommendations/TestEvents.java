package io.polymart.recommendations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.polymart.recommendations.RecsEventHandler.ACTIVITY;
import static io.polymart.recommendations.RecsEventHandler.CATALOG;
import static io.polymart.recommendations.RecsEventHandler.ORDERS;
import static io.polymart.recommendations.RecsEventHandler.REVIEWS;

/** Events in the shapes the other verticles publish, sent through {@link RecsFixture}. */
final class TestEvents {
  private TestEvents() {
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  static JsonObject envelope(String type, String aggregateId, JsonObject data) {
    return new JsonObject().put("type", type).put("id", id()).put("occurredAt", Instant.now().toString())
        .put("aggregateId", aggregateId).put("data", data);
  }

  static JsonObject snapshot(String name, String status, String categoryId, String brandId, String minPrice) {
    return new JsonObject().put("name", name).put("slug", name.toLowerCase().replace(' ', '-'))
        .put("status", status).put("categoryId", categoryId).put("brandId", brandId)
        .put("image", "/media/products/" + name + ".webp").put("minPrice", minPrice)
        .put("attributes", new JsonObject().put("colour", new JsonArray().add("red")));
  }

  /** A product created ACTIVE in the category, with a price. */
  static String product(String categoryId) {
    return product(categoryId, null, "10.00");
  }

  static String product(String categoryId, String brandId, String price) {
    String productId = id();
    productEvent("ProductCreated", productId, snapshot("Product " + productId.substring(0, 8), "ACTIVE", categoryId,
        brandId, price));
    return productId;
  }

  static void productEvent(String type, String productId, JsonObject snapshot) {
    RecsFixture.send(CATALOG, envelope(type, productId, new JsonObject().put("productId", productId)
        .put("status", snapshot.getString("status")).put("snapshot", snapshot)));
  }

  static void stock(String productId, String skuId, long available) {
    RecsFixture.send(CATALOG, envelope("StockChanged", productId, new JsonObject().put("productId", productId)
        .put("skuId", skuId).put("onHand", available).put("reserved", 0).put("available", available)
        .put("onHandDelta", 0).put("reservedDelta", 0).put("reason", "adjustment")));
  }

  static void rating(String productId, double average, long count) {
    RecsFixture.send(REVIEWS, envelope("ProductRatingChanged", productId, new JsonObject().put("productId", productId)
        .put("count", count).put("average", average).put("histogram", new JsonObject())));
  }

  /** An order placed and paid by the user with one line per product. */
  static void orderPaid(String userId, List<String> products) {
    orderPaid(userId, products, Instant.now());
  }

  /** {@link #orderPaid(String, List)} at a given time. */
  static void orderPaid(String userId, List<String> products, Instant at) {
    String orderId = id();
    JsonArray items = new JsonArray();
    products.forEach(product -> items.add(new JsonObject().put("skuId", id()).put("productId", product)
        .put("sellerId", id()).put("quantity", 1).put("unitPrice", "10.00")));
    JsonObject data = new JsonObject().put("orderId", orderId).put("number", "PM-1").put("userId", userId)
        .put("items", items);
    RecsFixture.send(ORDERS, envelope("OrderPlaced", orderId, data.copy()).put("occurredAt", at.toString()));
    RecsFixture.send(ORDERS, envelope("OrderPaid", orderId, data.copy().put("from", "PENDING_PAYMENT")
        .put("to", "PAID")).put("occurredAt", at.toString()));
  }

  static void viewed(String productId, String userId, String visitorId) {
    JsonObject data = new JsonObject().put("productId", productId).put("at", Instant.now().toString());
    if (userId != null) {
      data.put("userId", userId);
    }
    if (visitorId != null) {
      data.put("visitorId", visitorId);
    }
    RecsFixture.send(ACTIVITY, envelope("ProductViewed", userId != null ? userId : visitorId, data));
  }

  static void cartAdded(String productId, String userId) {
    RecsFixture.send(ACTIVITY, envelope("CartItemAdded", userId, new JsonObject().put("productId", productId)
        .put("skuId", id()).put("quantity", 1).put("userId", userId).put("at", Instant.now().toString())));
  }

  static void signedIn(String visitorId, String userId) {
    RecsFixture.send(ACTIVITY, envelope("VisitorSignedIn", userId, new JsonObject().put("visitorId", visitorId)
        .put("userId", userId).put("at", Instant.now().toString())));
  }
}
