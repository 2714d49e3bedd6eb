package io.polymart.reviews;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** What a user bought, product by product, and whether each may be reviewed. */
final class PurchaseService {
  private final PurchaseRepository purchases;

  PurchaseService(PurchaseRepository purchases) {
    this.purchases = purchases;
  }

  /**
   * {@code {items: [{productId, skuIds, eligible}]}} by product id, one for each product the user ordered:
   * {@code eligible} when an order of the product is DELIVERED or COMPLETED, {@code skuIds} the SKUs those orders
   * hold.
   */
  Future<JsonObject> list(UUID userId) {
    return purchases.byUser(userId).map(documents -> {
      JsonArray items = new JsonArray();
      documents.forEach(document -> items.add(item(document)));
      return new JsonObject().put("items", items);
    });
  }

  /** The user's item of one product (as in {@link #list}), or one that is not eligible when they never bought it. */
  Future<JsonObject> purchase(UUID userId, UUID productId) {
    return purchases.find(userId, productId).map(document -> document == null
        ? new JsonObject().put("productId", productId.toString()).put("skuIds", new JsonArray())
            .put("eligible", false)
        : item(document));
  }

  private static JsonObject item(Document purchase) {
    TreeSet<String> qualifyingSkus = new TreeSet<>();
    Document qualifying = purchase.get("qualifying", new Document());
    qualifying.values().forEach(skuIds -> ((List<?>) skuIds).forEach(skuId -> qualifyingSkus.add((String) skuId)));
    return new JsonObject().put("productId", purchase.getString("productId"))
        .put("skuIds", new JsonArray(new ArrayList<>(qualifyingSkus))).put("eligible", !qualifying.isEmpty());
  }
}
