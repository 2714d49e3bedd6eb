package io.polymart.catalog.inventory;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.polymart.catalog.CatalogFixture;
import io.polymart.catalog.CatalogSettings;
import io.polymart.catalog.cache.ProductCache;
import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.change.ProductSnapshots;
import io.polymart.core.outbox.Outbox;
import io.polymart.core.outbox.OutboxTransactions;
import io.polymart.core.redis.RedisClients;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.KafkaEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.polymart.catalog.CatalogFixture.activeProduct;
import static io.polymart.catalog.CatalogFixture.await;
import static io.polymart.catalog.CatalogFixture.count;
import static io.polymart.catalog.CatalogFixture.id;
import static io.polymart.catalog.CatalogFixture.inventory;
import static io.polymart.catalog.CatalogFixture.logRows;
import static io.polymart.catalog.CatalogFixture.ok;
import static io.polymart.catalog.CatalogFixture.sku;
import static io.polymart.catalog.CatalogFixture.skuId;
import static io.polymart.catalog.CatalogFixture.stockChanged;
import static io.polymart.catalog.CatalogFixture.unique;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_UNPUBLISH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reservation in one statement ({@link ReservationRepository#reserve}) on its own, without the locking
 * transaction {@link InventoryService#reserve} falls back to: what it writes when every line can be reserved, and
 * that it writes nothing when one cannot.
 */
class ReservationStatementTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger relayNudges = new AtomicInteger();
  private final CatalogTransactions writer = new CatalogTransactions(new OutboxTransactions(CatalogFixture.pg(),
      new Outbox("catalog.outbox"), relayNudges::incrementAndGet, registry),
      new ProductCache(CatalogFixture.vertx(), RedisClients.api(CatalogFixture.vertx(), CatalogFixture.config(),
          "test"), 300, 100), new ProductSnapshots(CatalogSettings.MEDIA_PATH));
  private final ReservationRepository reservations = new ReservationRepository();

  private Future<Optional<JsonObject>> reserve(String reservationId, Map<UUID, Integer> quantities) {
    return writer.inOneStatement(change -> reservations.reserve(change, reservationId, 600, new TreeMap<>(quantities),
        CatalogSettings.MEDIA_PATH));
  }

  private double committed(String type) {
    var counter = registry.find("polymart.events.committed").tag("type", type).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void everyLineIsReservedLoggedAndToldByTheOneStatement() {
    JsonObject lamp = sku("20.00", 5).put("lowStockThreshold", 2);
    JsonObject bulb = sku("2.00", 10).put("lowStockThreshold", 1);
    Caller seller = Caller.seller();
    JsonObject product = activeProduct(seller, lamp, bulb);
    String productId = product.getString("id");
    String lampId = skuId(product, lamp.getString("code"));
    String bulbId = skuId(product, bulb.getString("code"));
    String reservationId = unique("one-statement");

    JsonObject answer = await(reserve(reservationId, Map.of(UUID.fromString(lampId), 4, UUID.fromString(bulbId), 1)))
        .orElseThrow();

    assertThat(answer.getString("reservationId")).isEqualTo(reservationId);
    assertThat(answer.getString("status")).isEqualTo("RESERVED");
    assertThat(answer.getJsonArray("lines").stream().map(line -> ((JsonObject) line).getString("skuId")).toList())
        .containsExactlyInAnyOrder(lampId, bulbId);
    assertThat(inventory(lampId)).containsExactly(5, 4);
    assertThat(inventory(bulbId)).containsExactly(10, 1);
    assertThat(logRows(lampId, ReservationRepository.REASON, reservationId)).isEqualTo(1);
    assertThat(logRows(bulbId, ReservationRepository.REASON, reservationId)).isEqualTo(1);
    // the lamp fell below its threshold (1 available of 2), the bulb did not (9 of 1): counted once committed
    assertThat(committed("StockChanged")).isEqualTo(2);
    assertThat(committed("LowStock")).isEqualTo(1);
    assertThat(relayNudges).hasValue(1);

    // replayed: nothing more is reserved, the caller reads the stored reservation
    assertThat(await(reserve(reservationId, Map.of(UUID.fromString(lampId), 4)))).isEmpty();
    assertThat(inventory(lampId)).containsExactly(5, 4);

    ok(CATALOG_PRODUCT_UNPUBLISH, id(productId), new JsonObject(), seller);
    List<JsonObject> events = KafkaEvents.until(CatalogFixture.config().getJsonObject("kafka")
        .getString("bootstrapServers"), "polymart.catalog", productId, "ProductUnpublished", Duration.ofSeconds(30));
    List<JsonObject> told = events.stream().filter(event -> !event.getString("type").startsWith("Product")).toList();
    JsonObject lampChanged = stockChanged(productId, lampId, 5, 4, 0, 4, ReservationRepository.REASON);
    JsonObject lampLow = new JsonObject().put("productId", productId).put("skuId", lampId).put("available", 1)
        .put("threshold", 2);
    JsonObject bulbChanged = stockChanged(productId, bulbId, 10, 1, 0, 1, ReservationRepository.REASON);
    // in SKU order, each SKU's LowStock after its StockChanged
    assertThat(told.stream().map(event -> event.getJsonObject("data")).toList()).isEqualTo(
        lampId.compareTo(bulbId) < 0 ? List.of(lampChanged, lampLow, bulbChanged)
            : List.of(bulbChanged, lampChanged, lampLow));
    assertThat(told).allSatisfy(event -> {
      assertThat(event.fieldNames()).containsExactlyInAnyOrder("type", "id", "occurredAt", "aggregateId", "data");
      assertThat(event.getString("aggregateId")).isEqualTo(productId);
      assertThat(event.getString("type")).isEqualTo(event.getJsonObject("data").containsKey("threshold")
          ? "LowStock" : "StockChanged");
    });
  }

  @Test
  void aLineThatCannotBeReservedFailsTheStatementLeavingNothing() {
    JsonObject plenty = sku("5.00", 10);
    JsonObject few = sku("6.00", 2);
    JsonObject product = activeProduct(Caller.seller(), plenty, few);
    String plentyId = skuId(product, plenty.getString("code"));
    String fewId = skuId(product, few.getString("code"));
    String reservationId = unique("short");

    for (Map<UUID, Integer> lines : List.of(Map.of(UUID.fromString(plentyId), 3, UUID.fromString(fewId), 3),
        Map.of(UUID.fromString(plentyId), 3, UUID.randomUUID(), 1))) {
      Future<Optional<JsonObject>> reserved = reserve(reservationId, lines);
      Throwable failure = await(reserved.map(ok -> (Throwable) null).otherwise(error -> error));
      assertThat(ReservationRepository.isShort(failure)).as("%s", failure).isTrue();
    }

    assertThat(inventory(plentyId)).containsExactly(10, 0);
    assertThat(inventory(fewId)).containsExactly(2, 0);
    assertThat(count("SELECT count(*) FROM catalog.reservations WHERE id = $1", reservationId)).isZero();
    assertThat(count("SELECT count(*) FROM catalog.reservation_lines WHERE reservation_id = $1", reservationId))
        .isZero();
    assertThat(logRows(plentyId, ReservationRepository.REASON, null)).isZero();
    assertThat(committed("StockChanged")).isZero();
    assertThat(relayNudges).hasValue(0);
  }
}
