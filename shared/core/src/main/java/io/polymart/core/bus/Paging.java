package io.polymart.core.bus;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** {@code page} (from 1) and {@code size} (1 to 100) query parameters. */
public record Paging(int page, int size) {
  public static final int MAX_SIZE = 100;
  public static final int MAX_PAGE = 10_000;

  public static Paging from(BusRequest request) {
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

  public int offset() {
    return (page - 1) * size;
  }

  public JsonObject page(JsonArray items, long total) {
    return new JsonObject().put("items", items).put("total", total).put("page", page).put("size", size);
  }
}
