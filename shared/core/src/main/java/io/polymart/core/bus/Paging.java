package io.polymart.core.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** {@code page} (from 1) and {@code size} (1 to 100) query parameters. */
public record Paging(int page, int size) {
  public static final int MAX_SIZE = 100;
  public static final int MAX_PAGE = 10_000;

  public static Paging from(BusRequest request) {
    return new Paging(request.intQuery("page", 1, 1, MAX_PAGE), request.intQuery("size", 20, 1, MAX_SIZE));
  }

  public int offset() {
    return (page - 1) * size;
  }

  public JsonObject page(JsonArray items, long total) {
    return new JsonObject().put("items", items).put("total", total).put("page", page).put("size", size);
  }
}
