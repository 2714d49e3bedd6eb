package io.polymart.storefront;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.client.BusCaller;
import io.vertx.core.json.JsonObject;

/**
 * A request for a page as the gateway forwards it: the path, the query parameters (first value of each) and the
 * visitor id of the browser's {@code pm_vid} cookie (the gateway sets one when the browser has none).
 */
record PageRequest(String path, JsonObject query, String visitorId) {

  static PageRequest from(BusRequest request) {
    JsonObject body = request.body();
    JsonObject query = body.getJsonObject("query");
    return new PageRequest(body.getString("path", "/"), query == null ? new JsonObject() : query,
        body.getString("visitorId"));
  }

  /** The query parameter, trimmed; null when absent or blank. */
  String param(String name) {
    Object value = query.getValue(name);
    if (!(value instanceof String text) || text.isBlank()) {
      return null;
    }
    return text.strip();
  }

  /** Whom the other verticles serve: the visitor (their views and "for you" are theirs). */
  BusCaller shopper() {
    return BusCaller.visitor(visitorId);
  }
}
