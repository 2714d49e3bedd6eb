package io.polymart.reviews;

import io.vertx.core.Future;
import org.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Purchase documents of earlier builds (data directories written before), which kept every order of the product in
 * {@code orders: {<orderId>: {status, skuIds, occurredAt, offset}}}. At start, before the instance consumes or
 * serves, each entry is recorded as the event it came from would be now, then the document loses {@code orders}, a
 * batch at a time. Recording is idempotent, so a start cut short, or instances starting at once, end the same.
 */
final class LegacyPurchases {
  private static final int BATCH = 100;
  private final PurchaseRepository purchases;

  LegacyPurchases(PurchaseRepository purchases) {
    this.purchases = purchases;
  }

  Future<Void> adopt() {
    return purchases.legacy(BATCH).compose(batch -> batch.isEmpty() ? Future.succeededFuture()
        : adopt(batch).compose(v -> adopt()));
  }

  private Future<Void> adopt(List<Document> batch) {
    Future<Void> done = Future.succeededFuture();
    for (Document legacy : batch) {
      done = done.compose(v -> adoptOne(legacy));
    }
    return done;
  }

  private Future<Void> adoptOne(Document legacy) {
    UUID userId = UUID.fromString(legacy.getString("userId"));
    UUID productId = UUID.fromString(legacy.getString("productId"));
    Future<Void> done = Future.succeededFuture();
    for (Map.Entry<String, Object> entry : legacy.get("orders", new Document()).entrySet()) {
      Document order = (Document) entry.getValue();
      OrderChange change = new OrderChange(UUID.fromString(entry.getKey()), userId, order.getString("status"),
          new OrderChange.EventVersion(null, order.getDate("occurredAt").toInstant(),
              ((Number) order.get("offset")).longValue()),
          Map.of(productId, order.getList("skuIds", String.class).stream().map(UUID::fromString).toList()));
      done = done.compose(v -> purchases.record(change)).compose(recorded -> purchases.settle(recorded.order()));
    }
    return done.compose(v -> purchases.retire(legacy));
  }
}
