package io.polymart.recommendations;

import io.polymart.core.events.DomainEvent;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Map;

/**
 * What the verticle knows of each product, from {@code polymart.catalog} and {@code polymart.reviews}, kept in the
 * product's hash ({@link RecsKeys#product}): the snapshot product-level events carry (name, slug, status, category,
 * brand, image, min price, attributes), each SKU's price and available stock since, and the rating. The product's
 * membership of its category and brand sets (for "similar") follows its snapshot. Events of one product come in
 * order on one partition, so reading the hash before writing it is safe.
 */
final class CatalogProjection {
  static final String PRICE_FIELD = "price:";
  static final String STOCK_FIELD = "stock:";
  private static final String[] SNAPSHOT_FIELDS = {"name", "slug", "status", "categoryId", "brandId", "image",
      "minPrice"};

  private CatalogProjection() {
  }

  /** The writes of a catalog event, given the product's hash as it is. */
  static EventWrites catalog(DomainEvent event, String productId, Map<String, String> current) {
    EventWrites writes = new EventWrites();
    String key = RecsKeys.product(productId);
    JsonObject data = event.data();
    switch (event.type()) {
      case "PriceChanged" -> {
        if (data.getString("skuId") != null && data.getValue("newPrice") != null) {
          writes.hset(key, PRICE_FIELD + data.getString("skuId"), data.getValue("newPrice").toString());
        }
      }
      case "StockChanged" -> {
        if (data.getString("skuId") != null && data.getValue("available") instanceof Number available) {
          writes.hset(key, STOCK_FIELD + data.getString("skuId"), Long.toString(available.longValue()));
        }
      }
      case "ProductCreated", "ProductUpdated", "ProductPublished", "ProductUnpublished", "ProductDeleted" ->
          product(event, productId, current, writes);
      default -> {
      }
    }
    return writes;
  }

  /** The rating of {@code ProductRatingChanged}, unless a later one is already kept. */
  static EventWrites rating(DomainEvent event, String productId, Map<String, String> current) {
    EventWrites writes = new EventWrites();
    String at = event.occurredAt() == null ? "" : event.occurredAt().toString();
    String keptAt = current.get("ratingAt");
    if (keptAt != null && !at.isEmpty() && Instant.parse(keptAt).isAfter(event.occurredAt())) {
      return writes;
    }
    String key = RecsKeys.product(productId);
    JsonObject data = event.data();
    if (data.getValue("average") instanceof Number average && data.getValue("count") instanceof Number count) {
      writes.hset(key, "ratingAverage", average.toString()).hset(key, "ratingCount", Long.toString(count.longValue()));
      if (!at.isEmpty()) {
        writes.hset(key, "ratingAt", at);
      }
    }
    return writes;
  }

  private static void product(DomainEvent event, String productId, Map<String, String> current, EventWrites writes) {
    String key = RecsKeys.product(productId);
    JsonObject data = event.data();
    JsonObject snapshot = data.getJsonObject("snapshot");
    if (snapshot == null && "ProductCreated".equals(event.type())) {
      snapshot = data;
    }
    if (snapshot != null) {
      for (String field : SNAPSHOT_FIELDS) {
        Object value = snapshot.getValue(field);
        if (value == null) {
          writes.hdel(key, field);
        } else {
          writes.hset(key, field, value.toString());
        }
      }
      JsonObject attributes = snapshot.getJsonObject("attributes");
      writes.hset(key, "attributes", attributes == null ? "{}" : attributes.encode());
      // the snapshot's minPrice is newer than any SKU price seen before it
      current.keySet().stream().filter(field -> field.startsWith(PRICE_FIELD)).forEach(field -> writes.hdel(key, field));
    }
    String status = status(event, snapshot);
    if (status != null) {
      writes.hset(key, "status", status);
    }
    boolean deleted = "DELETED".equals(status);
    String oldCategory = current.get("categoryId");
    String oldBrand = current.get("brandId");
    String category = snapshot == null ? oldCategory : snapshot.getString("categoryId");
    String brand = snapshot == null ? oldBrand : snapshot.getString("brandId");
    if (oldCategory != null && (deleted || !oldCategory.equals(category))) {
      writes.srem(RecsKeys.category(oldCategory), productId);
    }
    if (oldBrand != null && (deleted || !oldBrand.equals(brand))) {
      writes.srem(RecsKeys.brand(oldBrand), productId);
    }
    if (!deleted && category != null) {
      writes.sadd(RecsKeys.category(category), productId);
    }
    if (!deleted && brand != null) {
      writes.sadd(RecsKeys.brand(brand), productId);
    }
  }

  private static String status(DomainEvent event, JsonObject snapshot) {
    return switch (event.type()) {
      case "ProductDeleted" -> "DELETED";
      case "ProductPublished" -> "ACTIVE";
      case "ProductUnpublished" -> snapshot != null && snapshot.getString("status") != null
          ? snapshot.getString("status")
          : event.data().getString("status", "INACTIVE");
      default -> snapshot == null ? null : snapshot.getString("status");
    };
  }
}
