package io.polymart.storefront;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Nested fields of the other verticles' answers, where absent and {@code null} both mean "none". */
final class Fields {
  private Fields() {
  }

  static JsonObject object(JsonObject json, String field) {
    JsonObject value = json == null ? null : json.getJsonObject(field);
    return value == null ? new JsonObject() : value;
  }

  static JsonArray array(JsonObject json, String field) {
    JsonArray value = json == null ? null : json.getJsonArray(field);
    return value == null ? new JsonArray() : value;
  }
}
