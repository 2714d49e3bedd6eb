package io.polymart.catalog.change;

import io.polymart.testing.BusTestNode.Caller;
import io.polymart.catalog.CatalogFixture;
import io.polymart.core.error.ServiceException;
import io.polymart.testing.KafkaEvents;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.polymart.catalog.CatalogFixture.awaitCondition;
import static io.polymart.catalog.CatalogFixture.count;
import static io.polymart.catalog.CatalogFixture.createProduct;
import static io.polymart.catalog.CatalogFixture.fails;
import static io.polymart.catalog.CatalogFixture.id;
import static io.polymart.catalog.CatalogFixture.ok;
import static io.polymart.catalog.CatalogFixture.publish;
import static io.polymart.catalog.CatalogFixture.sku;
import static io.polymart.catalog.CatalogFixture.skuId;
import static io.polymart.catalog.CatalogFixture.stockChanged;
import static io.polymart.catalog.CatalogFixture.unique;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_UNPUBLISH;
import static io.polymart.core.bus.Addresses.CATALOG_SKU_PRICE;
import static io.polymart.core.bus.Addresses.CATALOG_SKU_STOCK;
import static io.polymart.core.bus.Addresses.CATALOG_STOCK_RELEASE;
import static io.polymart.core.bus.Addresses.CATALOG_STOCK_RESERVE;
import static org.assertj.core.api.Assertions.assertThat;

/** What the catalog tells everyone else on Kafka topic polymart.catalog, read by a plain consumer. */
class CatalogEventsTest {
  private static final String TOPIC = "polymart.catalog";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The distinct events keyed by {@code productId}, read from the start until one of type {@code last}. */
  private static List<JsonObject> eventsOf(String productId, String last) {
    return KafkaEvents.until(CatalogFixture.config().getJsonObject("kafka").getString("bootstrapServers"), TOPIC,
        productId, last, TIMEOUT);
  }

  private static List<String> types(List<JsonObject> events) {
    return events.stream().map(event -> event.getString("type")).toList();
  }

  private static void assertEnvelopes(List<JsonObject> events, String productId, Instant start) {
    Instant previous = start.minusSeconds(1);
    for (JsonObject event : events) {
      assertThat(event.fieldNames()).containsExactlyInAnyOrder("type", "id", "occurredAt", "aggregateId", "data");
      assertThat(UUID.fromString(event.getString("id"))).isNotNull();
      assertThat(event.getString("aggregateId")).isEqualTo(productId);
      assertThat(event.getString("occurredAt")).endsWith("Z");
      Instant occurred = Instant.parse(event.getString("occurredAt"));
      assertThat(occurred).isAfterOrEqualTo(previous).isBeforeOrEqualTo(Instant.now());
      previous = occurred;
    }
    assertThat(events.stream().map(event -> event.getString("id")).distinct().count()).isEqualTo(events.size());
  }

  private static void awaitOutboxEmpty(String productId) {
    awaitCondition("the outbox to be relayed", TIMEOUT,
        () -> count("SELECT count(*) FROM catalog.outbox WHERE aggregate_id = $1", productId) == 0);
  }

  private static JsonObject stock(String skuId, Integer delta, Integer onHand, String reason, Caller caller) {
    JsonObject body = new JsonObject().put("reason", reason);
    if (delta != null) {
      body.put("delta", delta);
    }
    if (onHand != null) {
      body.put("onHand", onHand);
    }
    return ok(CATALOG_SKU_STOCK, id(skuId), body, caller);
  }

  @Test
  void aProductsLifeIsToldInOrder() {
    Instant start = Instant.now();
    Caller seller = Caller.seller();
    Caller admin = Caller.admin();
    JsonObject lamp = sku("20.00", 10);
    JsonObject bulb = sku("2.00", 4).put("lowStockThreshold", 1);
    JsonObject created = createProduct(seller, lamp, bulb);
    String productId = created.getString("id");
    String lampId = skuId(created, lamp.getString("code"));
    publish(productId, seller);

    JsonObject repriced = ok(CATALOG_SKU_PRICE, id(lampId),
        new JsonObject().put("price", "18.5").put("originalPrice", "25.00"), seller);
    assertThat(repriced.getString("price")).isEqualTo("18.50");

    // failed changes: nothing to tell
    ServiceException error = fails(CATALOG_SKU_STOCK, id(lampId),
        new JsonObject().put("delta", -11).put("reason", "too many"), seller);
    assertThat(error.status()).isEqualTo(422);
    assertThat(error.code()).isEqualTo("STOCK_BELOW_RESERVED");
    assertThat(fails(CATALOG_SKU_STOCK, id(lampId), new JsonObject().put("delta", 1).put("reason", "not mine"),
        Caller.seller()).status()).isEqualTo(403);
    // a price of 0 is refused by the contract (CatalogBodiesTest); here a price change by another seller fails
    assertThat(fails(CATALOG_SKU_PRICE, id(lampId), new JsonObject().put("price", "1.00"), Caller.seller()).status())
        .isEqualTo(403);

    assertThat(stock(lampId, 5, null, "restock", seller))
        .isEqualTo(new JsonObject().put("skuId", lampId).put("onHand", 15).put("reserved", 0).put("available", 15));
    // a stock take by an admin, below the threshold of 5: LowStock, once
    assertThat(stock(lampId, null, 4, "stock take", admin).getInteger("available")).isEqualTo(4);
    assertThat(stock(lampId, -1, null, "broken", seller).getInteger("available")).isEqualTo(3);
    ok(CATALOG_PRODUCT_UNPUBLISH, id(productId), new JsonObject(), seller);

    List<JsonObject> events = eventsOf(productId, "ProductUnpublished");
    assertThat(types(events)).containsExactly("ProductCreated", "ProductPublished", "PriceChanged", "StockChanged",
        "StockChanged", "LowStock", "StockChanged", "ProductUnpublished");
    assertEnvelopes(events, productId, start);

    assertThat(events.get(0).getJsonObject("data")).isEqualTo(new JsonObject().put("productId", productId)
        .put("name", created.getString("name")).put("slug", created.getString("slug")).put("status", "DRAFT")
        .put("sellerId", seller.userId()).put("categoryId", CatalogFixture.category()).put("brandId", null)
        .put("skuCount", 2).put("snapshot", snapshot(created, "DRAFT")));
    assertThat(events.get(1).getJsonObject("data")).isEqualTo(new JsonObject().put("productId", productId)
        .put("name", created.getString("name")).put("snapshot", snapshot(created, "ACTIVE")));
    assertThat(events.get(2).getJsonObject("data")).isEqualTo(new JsonObject().put("productId", productId)
        .put("skuId", lampId).put("oldPrice", "20.00").put("newPrice", "18.50").put("oldOriginalPrice", null)
        .put("newOriginalPrice", "25.00").put("changedBy", seller.userId()));
    assertThat(events.get(3).getJsonObject("data")).isEqualTo(stockChanged(productId, lampId, 15, 0, 5, 0, "restock"));
    assertThat(events.get(4).getJsonObject("data")).isEqualTo(stockChanged(productId, lampId, 4, 0, -11, 0,
        "stock take"));
    assertThat(events.get(5).getJsonObject("data")).isEqualTo(new JsonObject().put("productId", productId)
        .put("skuId", lampId).put("available", 4).put("threshold", 5));
    assertThat(events.get(6).getJsonObject("data")).isEqualTo(stockChanged(productId, lampId, 3, 0, -1, 0, "broken"));
    assertThat(events.get(7).getJsonObject("data")).isEqualTo(new JsonObject().put("productId", productId)
        .put("status", "INACTIVE").put("snapshot", snapshot(created, "INACTIVE")));

    awaitOutboxEmpty(productId);
  }

  /** Issue 12: the product as the event's transaction left it; the bulb's 2.00 stays the cheapest price throughout. */
  private static JsonObject snapshot(JsonObject product, String status) {
    return new JsonObject().put("name", product.getString("name")).put("slug", product.getString("slug"))
        .put("status", status).put("categoryId", CatalogFixture.category()).put("brandId", null).put("image", null)
        .put("minPrice", "2.00").put("attributes", new JsonObject());
  }

  @Test
  void reservationsAreToldAndAStockChangeBelowReservedIsNot() {
    Instant start = Instant.now();
    Caller seller = Caller.seller();
    JsonObject chair = sku("40.00", 5).put("lowStockThreshold", 2);
    JsonObject created = createProduct(seller, chair);
    String productId = created.getString("id");
    String chairId = skuId(created, chair.getString("code"));
    publish(productId, seller);

    String reservationId = unique("events");
    ok(CATALOG_STOCK_RESERVE, new JsonObject(), new JsonObject().put("reservationId", reservationId)
        .put("items", new JsonArray().add(new JsonObject().put("skuId", chairId).put("quantity", 4))),
        Caller.service());
    // 4 of 5 are promised to a buyer: on hand may not go below 4
    for (JsonObject body : List.of(new JsonObject().put("onHand", 3), new JsonObject().put("delta", -2))) {
      ServiceException error = fails(CATALOG_SKU_STOCK, id(chairId), body.put("reason", "shrinkage"), seller);
      assertThat(error.status()).isEqualTo(422);
      assertThat(error.code()).isEqualTo("STOCK_BELOW_RESERVED");
    }
    assertThat(stock(chairId, null, 4, "count", seller))
        .isEqualTo(new JsonObject().put("skuId", chairId).put("onHand", 4).put("reserved", 4).put("available", 0));
    ok(CATALOG_STOCK_RELEASE, new JsonObject(), new JsonObject().put("reservationId", reservationId),
        Caller.service());
    ok(CATALOG_PRODUCT_UNPUBLISH, id(productId), new JsonObject(), seller);

    List<JsonObject> events = eventsOf(productId, "ProductUnpublished");
    assertThat(types(events)).containsExactly("ProductCreated", "ProductPublished", "StockChanged", "LowStock",
        "StockChanged", "StockChanged", "ProductUnpublished");
    assertEnvelopes(events, productId, start);
    assertThat(events.get(2).getJsonObject("data")).isEqualTo(stockChanged(productId, chairId, 5, 4, 0, 4,
        "reserved"));
    assertThat(events.get(3).getJsonObject("data")).isEqualTo(new JsonObject().put("productId", productId)
        .put("skuId", chairId).put("available", 1).put("threshold", 2));
    assertThat(events.get(4).getJsonObject("data")).isEqualTo(stockChanged(productId, chairId, 4, 4, -1, 0, "count"));
    assertThat(events.get(5).getJsonObject("data")).isEqualTo(stockChanged(productId, chairId, 4, 0, 0, -4,
        "released"));

    awaitOutboxEmpty(productId);
  }
}
