package io.polymart.catalog.product;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts between Vert.x JSON and BSON documents value by value, so what a seller sends comes back exactly:
 * unlike {@code Document.parse}, nothing like {@code {"$date": 0}} is read as MongoDB's extended JSON.
 */
final class MongoJson {
  private MongoJson() {
  }

  /** {@code path} names the field in errors; field names MongoDB cannot store are a 400. */
  static Document toDocument(JsonObject json, String path) {
    Document document = new Document();
    for (Map.Entry<String, Object> entry : json) {
      String key = entry.getKey();
      if (key.isEmpty() || key.startsWith("$") || key.contains(".") || key.indexOf('\0') >= 0) {
        throw ServiceException.invalidField(path + "." + key,
            "field names must not be empty, start with $ or contain a dot");
      }
      document.put(key, toBson(entry.getValue(), path + "." + key));
    }
    return document;
  }

  private static Object toBson(Object value, String path) {
    if (value instanceof JsonObject object) {
      return toDocument(object, path);
    }
    if (value instanceof JsonArray array) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        list.add(toBson(array.getValue(i), path + "[" + i + "]"));
      }
      return list;
    }
    if (value instanceof BigInteger big) {
      return decimal(new BigDecimal(big), path);
    }
    if (value instanceof BigDecimal big) {
      return decimal(big, path);
    }
    return value; // String, Integer, Long, Double, Boolean or null
  }

  private static Decimal128 decimal(BigDecimal value, String path) {
    try {
      return new Decimal128(value);
    } catch (NumberFormatException | ArithmeticException e) {
      throw ServiceException.invalidField(path, "is a number too large to store");
    }
  }

  static JsonObject toJson(Document document) {
    JsonObject json = new JsonObject();
    document.forEach((key, value) -> json.put(key, fromBson(value)));
    return json;
  }

  private static Object fromBson(Object value) {
    if (value instanceof Document document) {
      return toJson(document);
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(item -> array.add(fromBson(item)));
      return array;
    }
    if (value instanceof Decimal128 decimal) {
      return decimal.bigDecimalValue();
    }
    return value;
  }
}
