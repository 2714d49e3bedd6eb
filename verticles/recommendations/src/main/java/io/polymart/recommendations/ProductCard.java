package io.polymart.recommendations;

import io.polymart.recommendations.scoring.ContentSimilarity.Features;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A product as the verticle knows it from its hash ({@link CatalogProjection}): what a recommendation shows of it, and
 * whether it may be recommended at all.
 *
 * <p>Eligible: its snapshot is known (a product never described by a catalog event cannot be shown), its status is
 * {@code ACTIVE} (so not deleted), and it is in stock: some SKU has {@code available > 0}, or no stock was ever
 * reported for it (a product we have no stock information for counts as in stock until a {@code StockChanged} says
 * otherwise; the product page has the final word).
 */
record ProductCard(String id, Map<String, String> fields) {

  static Optional<ProductCard> of(String id, Map<String, String> fields) {
    return fields.containsKey("name") ? Optional.of(new ProductCard(id, fields)) : Optional.empty();
  }

  boolean eligible() {
    return "ACTIVE".equals(fields.get("status")) && inStock();
  }

  boolean inStock() {
    boolean reported = false;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (field.getKey().startsWith(CatalogProjection.STOCK_FIELD)) {
        reported = true;
        if (Long.parseLong(field.getValue()) > 0) {
          return true;
        }
      }
    }
    return !reported;
  }

  /** The lowest SKU price reported since the snapshot, else the snapshot's min price; null when neither. */
  BigDecimal price() {
    BigDecimal lowest = null;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (field.getKey().startsWith(CatalogProjection.PRICE_FIELD)) {
        BigDecimal price = new BigDecimal(field.getValue());
        lowest = lowest == null || price.compareTo(lowest) < 0 ? price : lowest;
      }
    }
    if (lowest != null) {
      return lowest;
    }
    String min = fields.get("minPrice");
    return min == null ? null : new BigDecimal(min);
  }

  Features features() {
    Map<String, Set<String>> attributes = new TreeMap<>();
    String encoded = fields.get("attributes");
    if (encoded != null) {
      JsonObject json = new JsonObject(encoded);
      for (String name : json.fieldNames()) {
        Set<String> values = new LinkedHashSet<>();
        Object value = json.getValue(name);
        if (value instanceof JsonArray array) {
          array.forEach(v -> values.add(String.valueOf(v)));
        } else if (value != null) {
          values.add(value.toString());
        }
        attributes.put(name, values);
      }
    }
    return new Features(fields.get("categoryId"), fields.get("brandId"), price(), attributes);
  }

  /** The item of an answer: the product summary and why it is recommended. */
  JsonObject toJson(String reason) {
    BigDecimal price = price();
    String average = fields.get("ratingAverage");
    String count = fields.get("ratingCount");
    return new JsonObject()
        .put("id", id)
        .put("name", fields.get("name"))
        .put("slug", fields.get("slug"))
        .put("price", price == null ? null : price.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
        .put("image", fields.get("image"))
        .put("rating", new JsonObject()
            .put("average", average == null ? 0.0 : Double.parseDouble(average))
            .put("count", count == null ? 0L : Long.parseLong(count)))
        .put("reason", reason);
  }
}
