package io.polymart.catalog.inventory;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * The data of the stock events (schemas/events/polymart.catalog.json): StockChanged after every movement of a SKU's
 * stock, LowStock when it leaves fewer units available than the SKU's threshold. A null argument is a field left
 * for the statement that writes the event to fill in ({@link ReservationRepository#reserve}).
 */
final class StockEvents {
  static final String STOCK_CHANGED = "StockChanged";
  static final String LOW_STOCK = "LowStock";

  private StockEvents() {
  }

  static JsonObject stockChanged(UUID productId, UUID skuId, Integer onHand, Integer reserved, int onHandDelta,
      int reservedDelta, String reason) {
    return new JsonObject().put("productId", text(productId)).put("skuId", skuId.toString())
        .put("onHand", onHand).put("reserved", reserved)
        .put("available", onHand == null || reserved == null ? null : onHand - reserved)
        .put("onHandDelta", onHandDelta).put("reservedDelta", reservedDelta).put("reason", reason);
  }

  static JsonObject lowStock(UUID productId, UUID skuId, Integer available, Integer threshold) {
    return new JsonObject().put("productId", text(productId)).put("skuId", skuId.toString())
        .put("available", available).put("threshold", threshold);
  }

  /** Whether a movement from {@code availableBefore} to {@code availableAfter} units raises LowStock. */
  static boolean fallsBelow(int availableBefore, int availableAfter, int threshold) {
    return availableAfter < threshold && availableBefore >= threshold;
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
