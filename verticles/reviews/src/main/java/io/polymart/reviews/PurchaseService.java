package io.polymart.reviews;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** What a user bought, product by product, and whether each may be reviewed. */
final class PurchaseService {
  private final PurchaseRepository purchases;

  PurchaseService(PurchaseRepository purchases) {
    this.purchases = purchases;
  }

  /**
   * {@code {items: [{productId, skuIds, eligible, orders: [{orderId, status, skuIds}]}]}} by product id:
   * {@code eligible} when an order of the product is DELIVERED or COMPLETED, {@code skuIds} the SKUs those orders
   * hold, {@code orders} every order of the product, oldest change first.
   */
  Future<JsonObject> list(UUID userId) {
    return purchases.byUser(userId).map(documents -> {
      JsonArray items = new JsonArray();
      for (Document document : documents) {
        JsonObject item = item(document);
        // a document whose first order entry has not been written yet holds no purchase
        if (!item.getJsonArray("orders").isEmpty()) {
          items.add(item);
        }
      }
      return new JsonObject().put("items", items);
    });
  }

  /** The user's item of one product (as in {@link #list}), or one that is not eligible when they never bought it. */
  Future<JsonObject> purchase(UUID userId, UUID productId) {
    return purchases.find(userId, productId).map(document -> document == null
        ? new JsonObject().put("productId", productId.toString()).put("skuIds", new JsonArray())
            .put("eligible", false).put("orders", new JsonArray())
        : item(document));
  }

  private static JsonObject item(Document purchase) {
    List<Map.Entry<String, Document>> entries = new ArrayList<>();
    Document orders = purchase.get("orders", Document.class);
    if (orders != null) {
      orders.forEach((orderId, entry) -> entries.add(Map.entry(orderId, (Document) entry)));
    }
    entries.sort(Comparator.comparing((Map.Entry<String, Document> e) -> e.getValue().getDate("occurredAt"))
        .thenComparing(Map.Entry::getKey));
    JsonArray orderList = new JsonArray();
    TreeSet<String> qualifyingSkus = new TreeSet<>();
    boolean eligible = false;
    for (Map.Entry<String, Document> entry : entries) {
      String status = entry.getValue().getString("status");
      List<String> skuIds = entry.getValue().getList("skuIds", String.class);
      orderList.add(new JsonObject().put("orderId", entry.getKey()).put("status", status)
          .put("skuIds", new JsonArray(skuIds)));
      if (OrderStatus.qualifies(status)) {
        eligible = true;
        qualifyingSkus.addAll(skuIds);
      }
    }
    return new JsonObject().put("productId", purchase.getString("productId"))
        .put("skuIds", new JsonArray(new ArrayList<>(qualifyingSkus))).put("eligible", eligible)
        .put("orders", orderList);
  }
}
