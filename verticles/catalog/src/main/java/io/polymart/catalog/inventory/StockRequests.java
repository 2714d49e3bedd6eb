package io.polymart.catalog.inventory;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The fields of the stock contract's requests (reserve, confirm, release, restore), checked: other verticles build
 * these bodies, so no JSON Schema has looked at them.
 */
public final class StockRequests {
  private static final int MAX_LINES = 100;
  private static final int MAX_QUANTITY = 10_000;
  private static final int MAX_TTL_SECONDS = 86_400;

  private StockRequests() {
  }

  public static String reservationId(JsonObject body) {
    Object id = body.getValue("reservationId");
    if (!(id instanceof String text) || text.isBlank() || text.length() > 100) {
      throw ServiceException.invalidField("reservationId", "must be a string of 1 to 100 characters");
    }
    return text;
  }

  /** Lines by SKU id in id order (the lock order); a SKU given twice counts once with the summed quantity. */
  public static Map<UUID, Integer> quantities(Object items) {
    if (!(items instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_LINES) {
      throw ServiceException.invalidField("items", "must list 1 to " + MAX_LINES + " lines");
    }
    Map<UUID, Integer> quantities = new TreeMap<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      JsonObject line = item instanceof JsonObject object ? object : new JsonObject();
      UUID skuId;
      try {
        skuId = UUID.fromString(String.valueOf(line.getValue("skuId")));
      } catch (IllegalArgumentException e) {
        throw ServiceException.invalidField("items[" + i + "].skuId", "must be a SKU id");
      }
      if (!(line.getValue("quantity") instanceof Integer quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
        throw ServiceException.invalidField("items[" + i + "].quantity", "must be from 1 to " + MAX_QUANTITY);
      }
      int total = quantities.merge(skuId, quantity, Integer::sum);
      if (total > MAX_QUANTITY) {
        throw ServiceException.invalidField("items[" + i + "].quantity", "must be from 1 to " + MAX_QUANTITY);
      }
    }
    return quantities;
  }

  /** Null when absent: the reservation then holds for the configured default. */
  public static Integer ttlSeconds(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Integer ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS) {
      throw ServiceException.invalidField("ttlSeconds", "must be from 1 to " + MAX_TTL_SECONDS);
    }
    return ttl;
  }
}
