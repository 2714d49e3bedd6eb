package io.polymart.storefront;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

  /**
   * The JSON as maps and lists all the way down, for templates: Pebble's {@code empty} test and its loops know those,
   * not {@code JsonArray}.
   */
  static Object plain(Object json) {
    if (json instanceof JsonObject object) {
      Map<String, Object> map = new LinkedHashMap<>();
      object.forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
      return map;
    }
    if (json instanceof JsonArray array) {
      List<Object> list = new ArrayList<>(array.size());
      array.forEach(item -> list.add(plain(item)));
      return list;
    }
    return json;
  }

  /** A SKU's attributes as shoppers read them: "size: S · color: Beige". */
  static String attributesText(JsonObject attributes) {
    return attributes == null ? "" : attributes.stream().map(entry -> entry.getKey() + ": " + entry.getValue())
        .collect(Collectors.joining(" · "));
  }

  /** Whether {@code id} is a UUID in its canonical form (what ids in paths must be before they are looked up). */
  static boolean isUuid(String id) {
    try {
      return UUID.fromString(id).toString().equalsIgnoreCase(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
