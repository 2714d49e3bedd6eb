package io.polymart.catalog;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** {@code page} (from 1) and {@code size} (1 to 100) query parameters. */
record Paging(int page, int size) {
  static final int MAX_SIZE = 100;
  static final int MAX_PAGE = 10_000;

  static Paging from(BusRequest request) {
    int page = integer(request, "page", 1, 1, MAX_PAGE);
    int size = integer(request, "size", 20, 1, MAX_SIZE);
    return new Paging(page, size);
  }

  private static int integer(BusRequest request, String name, int fallback, int min, int max) {
    return request.query(name).map(value -> {
      try {
        int parsed = Integer.parseInt(value);
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw ServiceException.invalidField(name, "must be a whole number from " + min + " to " + max);
    }).orElse(fallback);
  }

  int offset() {
    return (page - 1) * size;
  }

  JsonObject page(JsonArray items, long total) {
    return new JsonObject().put("items", items).put("total", total).put("page", page).put("size", size);
  }
}
