package io.polymart.catalog.inventory;

import io.polymart.catalog.CatalogSettings;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.polymart.catalog.CatalogFixture;
import io.polymart.catalog.CatalogVerticle;
import io.polymart.catalog.cache.ProductCache;
import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.change.ProductSnapshots;
import io.polymart.core.error.ServiceException;
import io.polymart.core.outbox.Outbox;
import io.polymart.core.outbox.OutboxTransactions;
import io.polymart.core.redis.RedisClients;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

import static io.polymart.catalog.CatalogFixture.activeProduct;
import static io.polymart.catalog.CatalogFixture.available;
import static io.polymart.catalog.CatalogFixture.await;
import static io.polymart.catalog.CatalogFixture.awaitAll;
import static io.polymart.catalog.CatalogFixture.awaitCondition;
import static io.polymart.catalog.CatalogFixture.count;
import static io.polymart.catalog.CatalogFixture.createProduct;
import static io.polymart.catalog.CatalogFixture.fails;
import static io.polymart.catalog.CatalogFixture.id;
import static io.polymart.catalog.CatalogFixture.impossibleLevels;
import static io.polymart.catalog.CatalogFixture.inventory;
import static io.polymart.catalog.CatalogFixture.logRows;
import static io.polymart.catalog.CatalogFixture.ok;
import static io.polymart.catalog.CatalogFixture.product;
import static io.polymart.catalog.CatalogFixture.query;
import static io.polymart.catalog.CatalogFixture.send;
import static io.polymart.catalog.CatalogFixture.sku;
import static io.polymart.catalog.CatalogFixture.skuId;
import static io.polymart.catalog.CatalogFixture.unique;
import static io.polymart.core.bus.Addresses.CATALOG_IMAGE_UPLOAD;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_UNPUBLISH;
import static io.polymart.core.bus.Addresses.CATALOG_SKU_PRICE;
import static io.polymart.core.bus.Addresses.CATALOG_SKUS_LOOKUP;
import static io.polymart.core.bus.Addresses.CATALOG_SKU_UPDATE;
import static io.polymart.core.bus.Addresses.CATALOG_STOCK_CONFIRM;
import static io.polymart.core.bus.Addresses.CATALOG_STOCK_RELEASE;
import static io.polymart.core.bus.Addresses.CATALOG_STOCK_RESERVE;
import static io.polymart.core.bus.Addresses.CATALOG_STOCK_RESTORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The inventory contract orders and carts rely on: catalog.stock.reserve, confirm, release and restore, the expiry
 * sweeper, and catalog.skus.lookup.
 */
class InventoryContractTest {
  private static final Caller ORDERS = Caller.service();

  // -- helpers -----------------------------------------------------------------------------------------------------

  private static JsonObject line(String skuId, int quantity) {
    return new JsonObject().put("skuId", skuId).put("quantity", quantity);
  }

  private static JsonObject reserveBody(String reservationId, Integer ttlSeconds, JsonObject... lines) {
    JsonObject body = new JsonObject().put("reservationId", reservationId).put("items", new JsonArray(List.of(lines)));
    if (ttlSeconds != null) {
      body.put("ttlSeconds", ttlSeconds);
    }
    return body;
  }

  private static Future<Reply> reserveAsync(String reservationId, Integer ttlSeconds, JsonObject... lines) {
    return send(CATALOG_STOCK_RESERVE, new JsonObject(), reserveBody(reservationId, ttlSeconds, lines), ORDERS);
  }

  private static Reply reserve(String reservationId, Integer ttlSeconds, JsonObject... lines) {
    return await(reserveAsync(reservationId, ttlSeconds, lines));
  }

  private static Future<Reply> finishAsync(String address, String reservationId) {
    return send(address, new JsonObject(), new JsonObject().put("reservationId", reservationId), ORDERS);
  }

  private static Reply confirm(String reservationId) {
    return await(finishAsync(CATALOG_STOCK_CONFIRM, reservationId));
  }

  private static Reply release(String reservationId) {
    return await(finishAsync(CATALOG_STOCK_RELEASE, reservationId));
  }

  private static Reply restore(String reservationId) {
    return await(finishAsync(CATALOG_STOCK_RESTORE, reservationId));
  }

  private static JsonObject lookup(String... skuIds) {
    return ok(CATALOG_SKUS_LOOKUP, new JsonObject(), new JsonObject().put("skuIds", new JsonArray(List.of(skuIds))),
        ORDERS);
  }

  /** catalog.skus.lookup's items by SKU id. */
  private static Map<String, JsonObject> lookedUp(String... skuIds) {
    Map<String, JsonObject> items = new TreeMap<>();
    lookup(skuIds).getJsonArray("items").forEach(item -> items.put(((JsonObject) item).getString("skuId"),
        (JsonObject) item));
    return items;
  }

  private static String status(String reservationId) {
    var rows = query("SELECT status FROM catalog.reservations WHERE id = $1", reservationId);
    return rows.iterator().hasNext() ? rows.iterator().next().getString("status") : null;
  }

  private static void assertFailure(ServiceException error, int status, String code) {
    assertThat(error.status()).as(error.toJson().encode()).isEqualTo(status);
    assertThat(error.code()).as(error.toJson().encode()).isEqualTo(code);
  }

  private static void assertInventory(String skuId, int onHand, int reserved) {
    assertThat(inventory(skuId)).as("on hand, reserved of " + skuId).containsExactly(onHand, reserved);
    assertThat(impossibleLevels(skuId)).as("log rows with an impossible level").isZero();
  }

  /** Two ids in PostgreSQL's uuid order (the order InventoryRepository locks in), which is not UUID.compareTo's. */
  private static List<String> pgOrder(String a, String b) {
    List<String> sorted = new ArrayList<>();
    query("SELECT id::text FROM unnest($1::uuid[]) AS id ORDER BY id",
        (Object) new UUID[] {UUID.fromString(a), UUID.fromString(b)}).forEach(row -> sorted.add(row.getString(0)));
    return sorted;
  }

  // -- concurrency ---------------------------------------------------------------------------------------------------

  /** Fires {@code count} reservations of one unit of the SKU at once; the replies in request order. */
  private static List<Reply> crowd(String prefix, String skuId, int count) {
    List<Future<Reply>> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(reserveAsync(prefix + "-" + i, 600, line(skuId, 1)));
    }
    return awaitAll(requests);
  }

  @Test
  void concurrentReservationsNeverOversell() {
    JsonObject sku = sku("9.99", 50);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String productId = product.getString("id");
    String skuId = skuId(product, sku.getString("code"));
    String prefix = unique("crowd");

    List<Reply> replies = crowd(prefix, skuId, 200);

    List<String> reserved = new ArrayList<>();
    List<ServiceException> refused = new ArrayList<>();
    for (int i = 0; i < replies.size(); i++) {
      Reply reply = replies.get(i);
      if (reply.ok()) {
        assertThat(reply.body().getString("reservationId")).isEqualTo(prefix + "-" + i);
        assertThat(reply.body().getString("status")).isEqualTo("RESERVED");
        assertThat(reply.body().getJsonArray("lines")).hasSize(1);
        assertThat(reply.body().getJsonArray("lines").getJsonObject(0).getInteger("quantity")).isEqualTo(1);
        reserved.add(prefix + "-" + i);
      } else {
        refused.add(reply.error());
      }
    }
    assertThat(reserved).hasSize(50);
    assertThat(refused).hasSize(150).allSatisfy(error -> {
      assertFailure(error, 409, "INSUFFICIENT_STOCK");
      assertThat(error.details()).isEqualTo(new JsonArray().add(new JsonObject()
          .put("field", "items[" + skuId + "]").put("message", "only 0 available")));
    });
    // refused reservations left nothing behind
    assertThat(count("SELECT count(*) FROM catalog.reservations WHERE id LIKE $1", prefix + "-%")).isEqualTo(50);
    assertThat(count("SELECT count(*) FROM catalog.reservation_lines WHERE reservation_id LIKE $1", prefix + "-%"))
        .isEqualTo(50);

    assertInventory(skuId, 50, 50);
    assertThat(available(productId, skuId)).isZero();
    assertThat(logRows(skuId, "reserved", null)).isEqualTo(50);
    // one after the other: each reservation saw the one before
    List<Integer> reservedAfter = new ArrayList<>();
    query("SELECT reserved_after FROM catalog.inventory_log WHERE sku_id = $1 AND reason = 'reserved' ORDER BY id",
        UUID.fromString(skuId)).forEach(row -> reservedAfter.add(row.getInteger(0)));
    assertThat(reservedAfter).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());

    // releasing 30 of them at once gives back exactly 30
    List<Future<Reply>> releases = new ArrayList<>();
    reserved.subList(20, 50).forEach(id -> releases.add(finishAsync(CATALOG_STOCK_RELEASE, id)));
    assertThat(awaitAll(releases)).allSatisfy(reply ->
        assertThat(reply.orThrow().getString("status")).isEqualTo("RELEASED"));
    assertInventory(skuId, 50, 20);
    assertThat(available(productId, skuId)).isEqualTo(30);
    assertThat(logRows(skuId, "released", null)).isEqualTo(30);
  }

  @Test
  void concurrentConfirmsAndReleasesMoveStockOnce() {
    JsonObject sku = sku("9.99", 50);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String productId = product.getString("id");
    String skuId = skuId(product, sku.getString("code"));
    String prefix = unique("settle");
    List<String> reserved = new ArrayList<>();
    List<Reply> replies = crowd(prefix, skuId, 50);
    for (int i = 0; i < replies.size(); i++) {
      replies.get(i).orThrow();
      reserved.add(prefix + "-" + i);
    }
    assertInventory(skuId, 50, 50);

    // 20 sold, 30 given back, all at once
    Collections.shuffle(reserved);
    List<String> sold = reserved.subList(0, 20);
    List<String> givenBack = reserved.subList(20, 50);
    List<Future<Reply>> finishes = new ArrayList<>();
    sold.forEach(id -> finishes.add(finishAsync(CATALOG_STOCK_CONFIRM, id)));
    givenBack.forEach(id -> finishes.add(finishAsync(CATALOG_STOCK_RELEASE, id)));
    List<Reply> finished = awaitAll(finishes);
    for (int i = 0; i < finished.size(); i++) {
      assertThat(finished.get(i).orThrow().getString("status")).isEqualTo(i < 20 ? "CONFIRMED" : "RELEASED");
    }

    assertInventory(skuId, 30, 0);
    JsonObject after = product(productId);
    assertThat(after.getJsonArray("skus").getJsonObject(0).getInteger("available")).isEqualTo(30);
    assertThat(after.getLong("soldCount")).isEqualTo(20);
    assertThat(logRows(skuId, "sold", null)).isEqualTo(20);
    assertThat(logRows(skuId, "released", null)).isEqualTo(30);
    assertThat(count("SELECT count(*) FROM catalog.reservations WHERE id LIKE $1 AND status = 'CONFIRMED'",
        prefix + "-%")).isEqualTo(20);
    assertThat(count("SELECT count(*) FROM catalog.reservations WHERE id LIKE $1 AND status = 'RELEASED'",
        prefix + "-%")).isEqualTo(30);
  }

  // -- all or nothing, availability, validation ---------------------------------------------------------------------

  @Test
  void aReservationIsAllOrNothingAndNamesEveryShortSku() {
    Caller seller = Caller.seller();
    JsonObject plenty = sku("5.00", 10);
    JsonObject few = sku("6.00", 2);
    JsonObject one = sku("7.00", 1);
    JsonObject product = activeProduct(seller, plenty, few, one);
    String plentyId = skuId(product, plenty.getString("code"));
    String fewId = skuId(product, few.getString("code"));
    String oneId = skuId(product, one.getString("code"));
    String reservationId = unique("short");

    ServiceException error = reserve(reservationId, null, line(plentyId, 3), line(fewId, 3)).failure();
    assertFailure(error, 409, "INSUFFICIENT_STOCK");
    assertThat(error.details()).isEqualTo(new JsonArray().add(new JsonObject()
        .put("field", "items[" + fewId + "]").put("message", "only 2 available")));
    assertInventory(plentyId, 10, 0);
    assertInventory(fewId, 2, 0);

    // every short SKU is named, none that has enough
    error = reserve(reservationId, null, line(plentyId, 3), line(fewId, 3), line(oneId, 2)).failure();
    assertFailure(error, 409, "INSUFFICIENT_STOCK");
    assertThat(error.details().stream().map(d -> ((JsonObject) d).getString("field")).toList())
        .containsExactlyInAnyOrder("items[" + fewId + "]", "items[" + oneId + "]");
    assertThat(error.details()).contains(new JsonObject().put("field", "items[" + oneId + "]")
        .put("message", "only 1 available"));
    assertInventory(plentyId, 10, 0);
    assertInventory(fewId, 2, 0);
    assertInventory(oneId, 1, 0);
    assertThat(logRows(plentyId, "reserved", null)).isZero();

    // a refused reservation is not stored: its id is free for the retry
    assertThat(status(reservationId)).isNull();
    JsonObject retried = reserve(reservationId, null, line(plentyId, 3), line(fewId, 2)).orThrow();
    assertThat(retried.getString("status")).isEqualTo("RESERVED");
    assertInventory(plentyId, 10, 3);
    assertInventory(fewId, 2, 2);
    assertThat(available(product.getString("id"), fewId)).isZero();
  }

  @Test
  void unknownSkusAre404() {
    JsonObject sku = sku("5.00", 10);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String known = skuId(product, sku.getString("code"));
    String unknown = UUID.randomUUID().toString();

    assertFailure(reserve(unique("unknown"), null, line(unknown, 1)).failure(), 404, "NOT_FOUND");
    assertFailure(reserve(unique("unknown"), null, line(known, 1), line(unknown, 1)).failure(), 404, "NOT_FOUND");
    assertInventory(known, 10, 0);
  }

  @Test
  void skusThatAreNotForSaleAreUnavailable() {
    Caller seller = Caller.seller();
    // a draft
    JsonObject draftSku = sku("5.00", 10);
    JsonObject draft = createProduct(seller, draftSku);
    String draftSkuId = skuId(draft, draftSku.getString("code"));
    ServiceException error = reserve(unique("draft"), null, line(draftSkuId, 1)).failure();
    assertFailure(error, 409, "SKU_UNAVAILABLE");
    assertThat(error.details().getJsonObject(0).getString("field")).isEqualTo("items[" + draftSkuId + "]");

    // an inactive SKU of a published product; its active sibling is left alone
    JsonObject active = sku("5.00", 10);
    JsonObject inactive = sku("6.00", 10);
    JsonObject product = activeProduct(seller, active, inactive);
    String activeId = skuId(product, active.getString("code"));
    String inactiveId = skuId(product, inactive.getString("code"));
    ok(CATALOG_SKU_UPDATE, id(inactiveId), new JsonObject().put("status", "INACTIVE"), seller);
    error = reserve(unique("inactive"), null, line(activeId, 1), line(inactiveId, 1)).failure();
    assertFailure(error, 409, "SKU_UNAVAILABLE");
    assertThat(error.details()).hasSize(1);
    assertThat(error.details().getJsonObject(0).getString("field")).isEqualTo("items[" + inactiveId + "]");
    assertInventory(activeId, 10, 0);
    assertInventory(inactiveId, 10, 0);
    assertThat(reserve(unique("active"), null, line(activeId, 1)).orThrow().getString("status"))
        .isEqualTo("RESERVED");

    // an unpublished product
    ok(CATALOG_PRODUCT_UNPUBLISH, id(product.getString("id")), new JsonObject(), seller);
    assertFailure(reserve(unique("unpublished"), null, line(activeId, 1)).failure(), 409, "SKU_UNAVAILABLE");
    assertInventory(activeId, 10, 1);
    assertInventory(draftSkuId, 10, 0);
  }

  @Test
  void invalidRequestsAre400NamingTheField() {
    JsonObject sku = sku("5.00", 10);
    String skuId = skuId(activeProduct(Caller.seller(), sku), sku.getString("code"));
    JsonObject good = line(skuId, 1);
    Map<String, JsonObject> cases = new TreeMap<>();
    cases.put("items", new JsonObject().put("reservationId", unique("bad")));
    cases.put("items ", new JsonObject().put("reservationId", unique("bad")).put("items", new JsonArray()));
    cases.put("items[0].quantity", reserveBody(unique("bad"), null, line(skuId, 0)));
    cases.put("items[1].quantity", reserveBody(unique("bad"), null, good, line(skuId, 10_001)));
    cases.put("items[0].quantity ", reserveBody(unique("bad"), null, new JsonObject().put("skuId", skuId)));
    cases.put("items[0].quantity  ", reserveBody(unique("bad"), null,
        new JsonObject().put("skuId", skuId).put("quantity", "1")));
    cases.put("items[0].skuId", reserveBody(unique("bad"), null, line("not-a-uuid", 1)));
    cases.put("items[1].skuId", reserveBody(unique("bad"), null, good, new JsonObject().put("quantity", 1)));
    cases.put("ttlSeconds", reserveBody(unique("bad"), 0, good));
    cases.put("ttlSeconds ", reserveBody(unique("bad"), 86_401, good));
    cases.put("reservationId", new JsonObject().put("items", new JsonArray().add(good)));
    cases.put("reservationId ", reserveBody("  ", null, good));
    cases.put("reservationId  ", reserveBody("r".repeat(101), null, good));
    cases.put("reservationId   ", reserveBody(null, null, good).put("reservationId", 42));
    cases.forEach((field, body) -> {
      ServiceException error = fails(CATALOG_STOCK_RESERVE, new JsonObject(), body, ORDERS);
      assertFailure(error, 400, "VALIDATION_FAILED");
      assertThat(error.details().getJsonObject(0).getString("field")).as(body.encode()).isEqualTo(field.trim());
    });
    assertInventory(skuId, 10, 0);
    assertThat(count("SELECT count(*) FROM catalog.inventory_log WHERE sku_id = $1 AND reason = 'reserved'",
        UUID.fromString(skuId))).isZero();

    for (String address : List.of(CATALOG_STOCK_CONFIRM, CATALOG_STOCK_RELEASE, CATALOG_STOCK_RESTORE)) {
      ServiceException error = fails(address, new JsonObject(), new JsonObject(), ORDERS);
      assertFailure(error, 400, "VALIDATION_FAILED");
      assertThat(error.details().getJsonObject(0).getString("field")).isEqualTo("reservationId");
    }
  }

  // -- the reply ---------------------------------------------------------------------------------------------------

  @Test
  void theReplyDescribesEachLineAtTheSkusCurrentPrice() {
    Caller seller = Caller.seller();
    String sellerId = seller.userId();
    JsonObject shirt = sku("12.50", 10).put("attributes", new JsonObject().put("color", "red").put("size", "M"));
    JsonObject mug = sku("3.00", 10);
    JsonObject product = createProduct(seller, shirt, mug);
    String productId = product.getString("id");
    String name = product.getString("name");
    product = CatalogFixture.publish(productId, seller);
    String shirtId = skuId(product, shirt.getString("code"));
    String mugId = skuId(product, mug.getString("code"));

    String reservationId = unique("reply");
    Instant before = Instant.now();
    // what the caller says a line costs is not the catalog's business
    JsonObject reply = reserve(reservationId, 600, line(shirtId, 3).put("unitPrice", "0.01")).orThrow();
    assertThat(reply.fieldNames()).containsExactlyInAnyOrder("reservationId", "status", "expiresAt", "lines");
    assertThat(reply.getString("reservationId")).isEqualTo(reservationId);
    assertThat(reply.getString("status")).isEqualTo("RESERVED");
    assertThat(reply.getString("expiresAt")).endsWith("Z");
    assertThat(Instant.parse(reply.getString("expiresAt"))).isBetween(before.plusSeconds(600 - 30),
        Instant.now().plusSeconds(600 + 30));
    assertThat(reply.getJsonArray("lines")).containsExactly(new JsonObject()
        .put("skuId", shirtId).put("productId", productId).put("sellerId", sellerId).put("code", shirt.getString("code"))
        .put("name", name)
        .put("attributes", new JsonObject().put("color", "red").put("size", "M"))
        .put("image", null).put("unitPrice", "12.50").put("quantity", 3));

    // the default TTL is catalog.reservations.defaultTtlSeconds (900)
    JsonObject defaulted = reserve(unique("reply"), null, line(mugId, 1)).orThrow();
    assertThat(Instant.parse(defaulted.getString("expiresAt")).getEpochSecond())
        .isCloseTo(Instant.now().plusSeconds(900).getEpochSecond(), within(30L));
    assertThat(defaulted.getJsonArray("lines").getJsonObject(0).getJsonObject("attributes")).isEqualTo(new JsonObject());
    assertThat(defaulted.getJsonArray("lines").getJsonObject(0).getString("unitPrice")).isEqualTo("3.00");

    // a new price applies to new reservations; a stored one keeps the price it was made at
    ok(CATALOG_SKU_PRICE, id(shirtId), new JsonObject().put("price", "11"), seller);
    JsonObject replayed = reserve(reservationId, 600, line(shirtId, 3)).orThrow();
    assertThat(replayed).isEqualTo(reply);
    JsonObject repriced = reserve(unique("reply"), 600, line(shirtId, 1)).orThrow();
    assertThat(repriced.getJsonArray("lines").getJsonObject(0).getString("unitPrice")).isEqualTo("11.00");

    // with a cover image, a line carries its thumbnail URL
    JsonObject image = ok(CATALOG_IMAGE_UPLOAD, id(productId), new JsonObject().put("file", png()).put("cover", true),
        seller);
    String thumbnail = image.getJsonObject("urls").getString("thumbnail");
    assertThat(thumbnail).startsWith("/media/");
    JsonObject pictured = reserve(unique("reply"), 600, line(mugId, 2), line(shirtId, 1)).orThrow();
    assertThat(pictured.getJsonArray("lines")).hasSize(2).allSatisfy(l -> {
      assertThat(((JsonObject) l).getString("image")).isEqualTo(thumbnail);
      assertThat(((JsonObject) l).getString("name")).isEqualTo(name);
    });
    assertThat(pictured.getJsonArray("lines").stream().map(l -> ((JsonObject) l).getString("skuId")).toList())
        .containsExactlyInAnyOrder(shirtId, mugId);
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  // -- idempotency ---------------------------------------------------------------------------------------------------

  @Test
  void reservingIsIdempotentByReservationId() {
    JsonObject sku = sku("4.00", 10);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String skuId = skuId(product, sku.getString("code"));

    String once = unique("again");
    JsonObject first = reserve(once, 600, line(skuId, 2)).orThrow();
    JsonObject second = reserve(once, 600, line(skuId, 2)).orThrow();
    assertThat(second).isEqualTo(first);
    // a replay answers from what is stored, whatever the items say now
    assertThat(reserve(once, 60, line(skuId, 7)).orThrow()).isEqualTo(first);
    assertInventory(skuId, 10, 2);
    assertThat(logRows(skuId, "reserved", once)).isEqualTo(1);

    // the same request twice at the same moment
    String twice = unique("twin");
    List<Reply> twins = awaitAll(List.of(reserveAsync(twice, 600, line(skuId, 3)),
        reserveAsync(twice, 600, line(skuId, 3))));
    assertThat(twins.get(0).orThrow()).isEqualTo(twins.get(1).orThrow());
    assertThat(twins.get(0).body().getJsonArray("lines").getJsonObject(0).getInteger("quantity")).isEqualTo(3);
    assertInventory(skuId, 10, 5);
    assertThat(logRows(skuId, "reserved", twice)).isEqualTo(1);
    assertThat(available(product.getString("id"), skuId)).isEqualTo(5);
  }

  @Test
  void duplicateSkuLinesAreMerged() {
    JsonObject sku = sku("4.00", 10);
    JsonObject other = sku("5.00", 10);
    JsonObject product = activeProduct(Caller.seller(), sku, other);
    String skuId = skuId(product, sku.getString("code"));
    String otherId = skuId(product, other.getString("code"));

    String reservationId = unique("merge");
    JsonObject reply = reserve(reservationId, 600, line(skuId, 2), line(otherId, 1), line(skuId, 3)).orThrow();
    JsonArray lines = reply.getJsonArray("lines");
    assertThat(lines).hasSize(2);
    Map<String, Integer> quantities = new TreeMap<>();
    lines.forEach(l -> quantities.put(((JsonObject) l).getString("skuId"), ((JsonObject) l).getInteger("quantity")));
    assertThat(quantities).isEqualTo(Map.of(skuId, 5, otherId, 1));
    assertInventory(skuId, 10, 5);
    assertInventory(otherId, 10, 1);
    assertThat(logRows(skuId, "reserved", reservationId)).isEqualTo(1);

    // merged lines are checked as one: 6 + 5 of 10 is short
    ServiceException error = reserve(unique("merge"), 600, line(otherId, 6), line(otherId, 5)).failure();
    assertFailure(error, 409, "INSUFFICIENT_STOCK");
    assertThat(error.details()).isEqualTo(new JsonArray().add(new JsonObject()
        .put("field", "items[" + otherId + "]").put("message", "only 9 available")));
  }

  @Test
  void releaseIsIdempotentAndAReleasedReservationCannotBeConfirmed() {
    JsonObject sku = sku("4.00", 10);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String productId = product.getString("id");
    String skuId = skuId(product, sku.getString("code"));

    // release twice at once, then once more
    String back = unique("back");
    JsonObject reserved = reserve(back, 600, line(skuId, 3)).orThrow();
    assertInventory(skuId, 10, 3);
    List<Reply> releases = awaitAll(List.of(finishAsync(CATALOG_STOCK_RELEASE, back),
        finishAsync(CATALOG_STOCK_RELEASE, back)));
    JsonObject released = releases.get(0).orThrow();
    assertThat(released.getString("reservationId")).isEqualTo(back);
    assertThat(released.getString("status")).isEqualTo("RELEASED");
    assertThat(released.getJsonArray("lines")).isEqualTo(reserved.getJsonArray("lines"));
    assertThat(releases.get(1).orThrow()).isEqualTo(released);
    assertThat(release(back).orThrow()).isEqualTo(released);
    assertInventory(skuId, 10, 0);
    assertThat(logRows(skuId, "released", back)).isEqualTo(1);
    // a reserve replay shows the reservation as it is now, and reserves nothing
    assertThat(reserve(back, 600, line(skuId, 3)).orThrow().getString("status")).isEqualTo("RELEASED");

    assertFailure(confirm(back).failure(), 409, "INVALID_STATE");
    assertInventory(skuId, 10, 0);
    assertThat(logRows(skuId, "sold", back)).isZero();
    assertThat(product(productId).getLong("soldCount")).isZero();
    assertThat(available(productId, skuId)).isEqualTo(10);
  }

  @Test
  void confirmIsIdempotentAndAConfirmedReservationCannotBeReleased() {
    JsonObject sku = sku("4.00", 10);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String productId = product.getString("id");
    String skuId = skuId(product, sku.getString("code"));

    // confirm once, then twice at once
    String sold = unique("sold");
    JsonObject reserved = reserve(sold, 600, line(skuId, 2)).orThrow();
    JsonObject confirmed = confirm(sold).orThrow();
    assertThat(confirmed.getString("reservationId")).isEqualTo(sold);
    assertThat(confirmed.getString("status")).isEqualTo("CONFIRMED");
    assertThat(confirmed.getJsonArray("lines")).isEqualTo(reserved.getJsonArray("lines"));
    List<Reply> again = awaitAll(List.of(finishAsync(CATALOG_STOCK_CONFIRM, sold),
        finishAsync(CATALOG_STOCK_CONFIRM, sold)));
    assertThat(again).allSatisfy(reply -> assertThat(reply.orThrow()).isEqualTo(confirmed));
    assertInventory(skuId, 8, 0);
    assertThat(logRows(skuId, "sold", sold)).isEqualTo(1);
    assertThat(product(productId).getLong("soldCount")).isEqualTo(2);
    assertThat(available(productId, skuId)).isEqualTo(8);
    assertThat(reserve(sold, 600, line(skuId, 2)).orThrow().getString("status")).isEqualTo("CONFIRMED");

    assertFailure(release(sold).failure(), 409, "INVALID_STATE");
    assertInventory(skuId, 8, 0);
    assertThat(logRows(skuId, "released", sold)).isZero();
  }

  @Test
  void aConfirmRacingAReleaseExactlyOneWins() {
    JsonObject sku = sku("4.00", 10);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String skuId = skuId(product, sku.getString("code"));
    for (int round = 0; round < 5; round++) {
      String raced = unique("race");
      reserve(raced, 600, line(skuId, 1)).orThrow();
      List<Reply> race = awaitAll(List.of(finishAsync(CATALOG_STOCK_CONFIRM, raced),
          finishAsync(CATALOG_STOCK_RELEASE, raced)));
      assertThat(race.stream().filter(Reply::ok).count()).as("round %d", round).isEqualTo(1);
      Reply loser = race.stream().filter(reply -> !reply.ok()).findFirst().orElseThrow();
      assertFailure(loser.error(), 409, "INVALID_STATE");
      assertThat(status(raced)).isEqualTo(race.get(0).ok() ? "CONFIRMED" : "RELEASED");
      assertThat(logRows(skuId, "sold", raced) + logRows(skuId, "released", raced)).isEqualTo(1);
    }
    int sold = (int) logRows(skuId, "sold", null);
    assertInventory(skuId, 10 - sold, 0);
    assertThat(product(product.getString("id")).getLong("soldCount")).isEqualTo(sold);
  }

  @Test
  void unknownReservationsCannotBeConfirmedOrRestored() {
    String unknown = unique("nobody");
    assertFailure(confirm(unknown).failure(), 404, "NOT_FOUND");
    assertFailure(restore(unknown).failure(), 404, "NOT_FOUND");
    assertThat(status(unknown)).isNull();
  }

  @Test
  void aReleaseBeforeItsReserveLeavesTheReserveNothingToHold() {
    JsonObject sku = sku("4.00", 10);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String skuId = skuId(product, sku.getString("code"));
    // orders releases a reservation whose reserve failed without saying whether it was made: here it was not yet
    String late = unique("late");

    JsonObject released = release(late).orThrow();
    assertThat(released.getString("status")).isEqualTo("RELEASED");
    assertThat(released.getJsonArray("lines")).isEmpty();
    assertThat(release(late).orThrow()).isEqualTo(released);

    JsonObject arrivedLate = reserve(late, 600, line(skuId, 3)).orThrow();
    assertThat(arrivedLate.getString("status")).isEqualTo("RELEASED");
    assertThat(arrivedLate.getJsonArray("lines")).isEmpty();
    assertInventory(skuId, 10, 0);
    assertThat(logRows(skuId, "reserved", late)).isZero();
    assertFailure(confirm(late).failure(), 409, "INVALID_STATE");
  }

  @Test
  void aReleaseRacingItsReserveLeavesNothingReserved() {
    JsonObject sku = sku("4.00", 10);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String skuId = skuId(product, sku.getString("code"));
    for (int round = 0; round < 5; round++) {
      String raced = unique("raced");
      List<Reply> race = awaitAll(List.of(reserveAsync(raced, 600, line(skuId, 1)),
          finishAsync(CATALOG_STOCK_RELEASE, raced)));
      // the reserve either went first (and answers RESERVED or, read after the release, RELEASED) or reserved nothing
      assertThat(race.get(0).orThrow().getString("status")).isIn("RESERVED", "RELEASED");
      assertThat(race.get(1).orThrow().getString("status")).isEqualTo("RELEASED");
      assertThat(status(raced)).as("round %d", round).isEqualTo("RELEASED");
      assertThat(logRows(skuId, "reserved", raced)).isEqualTo(logRows(skuId, "released", raced));
    }
    assertInventory(skuId, 10, 0);
  }

  // -- restore -------------------------------------------------------------------------------------------------------

  @Test
  void restoringAConfirmedReservationBringsItsUnitsBackOnceAndLowersSoldCounts() {
    Caller seller = Caller.seller();
    JsonObject shirt = sku("10.00", 10);
    JsonObject mug = sku("3.00", 5);
    JsonObject shirts = activeProduct(seller, shirt);
    JsonObject mugs = activeProduct(seller, mug);
    String shirtId = skuId(shirts, shirt.getString("code"));
    String mugId = skuId(mugs, mug.getString("code"));

    // another sale of shirts stays sold
    String kept = unique("kept");
    reserve(kept, 600, line(shirtId, 1)).orThrow();
    confirm(kept).orThrow();
    String refunded = unique("refunded");
    JsonObject reserved = reserve(refunded, 600, line(shirtId, 3), line(mugId, 2)).orThrow();
    confirm(refunded).orThrow();
    assertInventory(shirtId, 6, 0);
    assertInventory(mugId, 3, 0);
    assertThat(product(shirts.getString("id")).getLong("soldCount")).isEqualTo(4);
    assertThat(product(mugs.getString("id")).getLong("soldCount")).isEqualTo(2);

    JsonObject restored = restore(refunded).orThrow();
    assertThat(restored.getString("reservationId")).isEqualTo(refunded);
    assertThat(restored.getString("status")).isEqualTo("RESTORED");
    assertThat(restored.getJsonArray("lines")).isEqualTo(reserved.getJsonArray("lines"));
    assertThat(status(refunded)).isEqualTo("RESTORED");
    assertInventory(shirtId, 9, 0);
    assertInventory(mugId, 5, 0);
    assertThat(available(shirts.getString("id"), shirtId)).isEqualTo(9);
    assertThat(product(shirts.getString("id")).getLong("soldCount")).isEqualTo(1);
    assertThat(product(mugs.getString("id")).getLong("soldCount")).isZero();
    assertThat(logRows(shirtId, "restored", refunded)).isEqualTo(1);
    assertThat(logRows(mugId, "restored", refunded)).isEqualTo(1);
    assertThat(query("SELECT on_hand_delta, reserved_delta FROM catalog.inventory_log WHERE sku_id = $1 "
        + "AND reason = 'restored'", UUID.fromString(shirtId)).iterator().next().toJson())
        .isEqualTo(new JsonObject().put("on_hand_delta", 3).put("reserved_delta", 0));

    // again, twice at once, then once more: nothing moves
    List<Reply> again = awaitAll(List.of(finishAsync(CATALOG_STOCK_RESTORE, refunded),
        finishAsync(CATALOG_STOCK_RESTORE, refunded)));
    assertThat(again).allSatisfy(reply -> assertThat(reply.orThrow()).isEqualTo(restored));
    assertThat(restore(refunded).orThrow()).isEqualTo(restored);
    assertInventory(shirtId, 9, 0);
    assertInventory(mugId, 5, 0);
    assertThat(logRows(shirtId, "restored", refunded)).isEqualTo(1);
    assertThat(product(shirts.getString("id")).getLong("soldCount")).isEqualTo(1);

    // it was confirmed once: a late confirm is what already happened, a release contradicts it
    assertThat(confirm(refunded).orThrow().getString("status")).isEqualTo("RESTORED");
    assertFailure(release(refunded).failure(), 409, "INVALID_STATE");
    assertInventory(shirtId, 9, 0);
    assertThat(logRows(shirtId, "sold", refunded)).isEqualTo(1);
  }

  @Test
  void onlyAConfirmedReservationCanBeRestored() {
    JsonObject sku = sku("4.00", 10);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String skuId = skuId(product, sku.getString("code"));

    String open = unique("open");
    reserve(open, 600, line(skuId, 2)).orThrow();
    assertFailure(restore(open).failure(), 409, "INVALID_STATE");
    assertThat(status(open)).isEqualTo("RESERVED");

    String released = unique("released");
    reserve(released, 600, line(skuId, 1)).orThrow();
    release(released).orThrow();
    assertFailure(restore(released).failure(), 409, "INVALID_STATE");
    assertThat(status(released)).isEqualTo("RELEASED");

    String expired = unique("expired");
    reserve(expired, 600, line(skuId, 1)).orThrow();
    query("UPDATE catalog.reservations SET expires_at = now() - interval '1 second' WHERE id = $1", expired);
    awaitCondition("the sweeper to expire " + expired, Duration.ofSeconds(15), () -> "EXPIRED".equals(status(expired)));
    assertFailure(restore(expired).failure(), 409, "INVALID_STATE");

    assertInventory(skuId, 10, 2);
    assertThat(logRows(skuId, "restored", null)).isZero();
    assertThat(product(product.getString("id")).getLong("soldCount")).isZero();
    assertFailure(restore(unique("nobody")).failure(), 404, "NOT_FOUND");
  }

  // -- lookup for carts ----------------------------------------------------------------------------------------------

  @Test
  void aLookupDescribesEachKnownSkuAsItIsNow() {
    Caller seller = Caller.seller();
    JsonObject shirt = sku("12.50", 10).put("attributes", new JsonObject().put("color", "red"));
    JsonObject mug = sku("3.00", 4);
    JsonObject product = createProduct(seller, shirt, mug);
    String productId = product.getString("id");
    String name = product.getString("name");
    CatalogFixture.publish(productId, seller);
    String shirtId = skuId(product, shirt.getString("code"));
    String mugId = skuId(product, mug.getString("code"));
    reserve(unique("held"), 600, line(shirtId, 3)).orThrow();
    String unknown = UUID.randomUUID().toString();

    Map<String, JsonObject> items = lookedUp(shirtId, unknown, mugId, shirtId);
    assertThat(items.keySet()).containsExactlyInAnyOrder(shirtId, mugId);
    assertThat(items.get(shirtId)).isEqualTo(new JsonObject().put("skuId", shirtId).put("productId", productId)
        .put("sellerId", seller.userId()).put("code", shirt.getString("code")).put("name", name)
        .put("attributes", new JsonObject().put("color", "red")).put("image", null).put("unitPrice", "12.50")
        .put("available", 7).put("forSale", true));
    assertThat(items.get(mugId).getInteger("available")).isEqualTo(4);
    assertThat(items.get(mugId).getJsonObject("attributes")).isEqualTo(new JsonObject());
    assertThat(lookup(unknown).getJsonArray("items")).isEmpty();

    // prices, stock and the cover image as they are now
    ok(CATALOG_SKU_PRICE, id(mugId), new JsonObject().put("price", "2.5"), seller);
    JsonObject image = ok(CATALOG_IMAGE_UPLOAD, id(productId), new JsonObject().put("file", png()).put("cover", true),
        seller);
    items = lookedUp(shirtId, mugId);
    assertThat(items.get(mugId).getString("unitPrice")).isEqualTo("2.50");
    assertThat(items.values()).allSatisfy(item ->
        assertThat(item.getString("image")).isEqualTo(image.getJsonObject("urls").getString("thumbnail")));
  }

  @Test
  void aLookupSaysWhatIsNotForSale() {
    Caller seller = Caller.seller();
    JsonObject active = sku("5.00", 10);
    JsonObject inactive = sku("6.00", 10);
    JsonObject product = activeProduct(seller, active, inactive);
    String activeId = skuId(product, active.getString("code"));
    String inactiveId = skuId(product, inactive.getString("code"));
    ok(CATALOG_SKU_UPDATE, id(inactiveId), new JsonObject().put("status", "INACTIVE"), seller);
    JsonObject draftSku = sku("7.00", 10);
    String draftSkuId = skuId(createProduct(seller, draftSku), draftSku.getString("code"));

    Map<String, JsonObject> items = lookedUp(activeId, inactiveId, draftSkuId);
    assertThat(items.get(activeId).getBoolean("forSale")).isTrue();
    assertThat(items.get(inactiveId).getBoolean("forSale")).isFalse();
    assertThat(items.get(inactiveId).getInteger("available")).isEqualTo(10);
    assertThat(items.get(draftSkuId).getBoolean("forSale")).isFalse();

    ok(CATALOG_PRODUCT_UNPUBLISH, id(product.getString("id")), new JsonObject(), seller);
    assertThat(lookedUp(activeId).get(activeId).getBoolean("forSale")).isFalse();
  }

  @Test
  void aLookupRejectsBadInputNamingTheField() {
    JsonArray tooMany = new JsonArray();
    IntStream.range(0, 101).forEach(i -> tooMany.add(UUID.randomUUID().toString()));
    Map<String, JsonObject> cases = new TreeMap<>();
    cases.put("skuIds", new JsonObject());
    cases.put("skuIds ", new JsonObject().put("skuIds", new JsonArray()));
    cases.put("skuIds  ", new JsonObject().put("skuIds", tooMany));
    cases.put("skuIds   ", new JsonObject().put("skuIds", "not-a-list"));
    cases.put("skuIds[1]", new JsonObject().put("skuIds", new JsonArray().add(UUID.randomUUID().toString())
        .add("not-a-uuid")));
    cases.put("skuIds[0]", new JsonObject().put("skuIds", new JsonArray().add(42)));
    cases.forEach((field, body) -> {
      ServiceException error = fails(CATALOG_SKUS_LOOKUP, new JsonObject(), body, ORDERS);
      assertFailure(error, 400, "VALIDATION_FAILED");
      assertThat(error.details().getJsonObject(0).getString("field")).as(body.encode()).isEqualTo(field.trim());
    });
    JsonArray hundred = new JsonArray();
    IntStream.range(0, 100).forEach(i -> hundred.add(UUID.randomUUID().toString()));
    assertThat(ok(CATALOG_SKUS_LOOKUP, new JsonObject(), new JsonObject().put("skuIds", hundred), ORDERS)
        .getJsonArray("items")).isEmpty();
  }

  // -- expiry --------------------------------------------------------------------------------------------------------

  @Test
  void theSweeperReleasesExpiredReservations() {
    JsonObject sku = sku("4.00", 5);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String productId = product.getString("id");
    String skuId = skuId(product, sku.getString("code"));

    String reservationId = unique("expiring");
    JsonObject reserved = reserve(reservationId, 1, line(skuId, 2)).orThrow();
    assertThat(Instant.parse(reserved.getString("expiresAt"))).isBefore(Instant.now().plusSeconds(5));
    assertThat(available(productId, skuId)).isEqualTo(3);

    JsonObject[] replay = new JsonObject[1];
    awaitCondition("the sweeper to expire " + reservationId, Duration.ofSeconds(15), () -> {
      replay[0] = reserve(reservationId, 1, line(skuId, 2)).orThrow();
      return "EXPIRED".equals(replay[0].getString("status"));
    });
    assertThat(replay[0].getString("expiresAt")).isEqualTo(reserved.getString("expiresAt"));
    assertThat(replay[0].getJsonArray("lines")).isEqualTo(reserved.getJsonArray("lines"));
    assertThat(available(productId, skuId)).isEqualTo(5);
    assertInventory(skuId, 5, 0);
    assertThat(logRows(skuId, "expired", reservationId)).isEqualTo(1);

    assertFailure(confirm(reservationId).failure(), 409, "INVALID_STATE");
    // giving back an expired reservation is what already happened
    assertThat(release(reservationId).orThrow().getString("status")).isEqualTo("EXPIRED");
    assertInventory(skuId, 5, 0);
    assertThat(logRows(skuId, "released", reservationId)).isZero();
    assertThat(logRows(skuId, "expired", reservationId)).isEqualTo(1);
  }

  /** Sweeps like the verticle's, from a service of the test's own (as another node would run one). */
  private static InventoryService otherNodesInventory(RedisAPI redis) {
    ProductCache cache = new ProductCache(CatalogFixture.vertx(), redis, 300, 100);
    CatalogTransactions writer = new CatalogTransactions(
        new OutboxTransactions(CatalogFixture.pg(), new Outbox("catalog.outbox"), () -> { }), cache,
        new ProductSnapshots(CatalogSettings.MEDIA_PATH));
    return new InventoryService(writer, new ReservationRepository(), new InventoryRepository(),
        CatalogSettings.MEDIA_PATH, 900);
  }

  @Test
  void concurrentSweepersReleaseEachExpiredReservationExactlyOnce() {
    Caller seller = Caller.seller();
    JsonObject[] skus = {sku("1.00", 200), sku("2.00", 200), sku("3.00", 200)};
    JsonObject product = activeProduct(seller, skus);
    List<String> skuIds = List.of(skuId(product, skus[0].getString("code")), skuId(product, skus[1].getString("code")),
        skuId(product, skus[2].getString("code")));
    String prefix = unique("swept");

    // 60 reservations of two or three lines (one line for every tenth, which a client releases), made to expire at
    // once.
    int reservations = 60;
    int lines = 0;
    int[] quantities = new int[3];
    List<Future<Reply>> made = new ArrayList<>();
    for (int i = 0; i < reservations; i++) {
      List<JsonObject> items = new ArrayList<>();
      for (int s = 0; s < 3; s++) {
        boolean included = i % 10 == 0 ? s == i % 3 : (i + s) % 3 != 2 || s == i % 3;
        if (included) {
          int quantity = 1 + (i + s) % 2;
          items.add(line(skuIds.get(s), quantity));
          quantities[s] += quantity;
          lines++;
        }
      }
      made.add(reserveAsync(prefix + "-" + i, 3600, items.toArray(JsonObject[]::new)));
    }
    awaitAll(made).forEach(Reply::orThrow);
    for (int s = 0; s < 3; s++) {
      assertInventory(skuIds.get(s), 200, quantities[s]);
    }

    String second = await(CatalogFixture.vertx().deployVerticle(new CatalogVerticle(),
        new DeploymentOptions().setConfig(CatalogFixture.config())));
    RedisAPI redis = RedisClients.api(CatalogFixture.vertx(), CatalogFixture.config(), "test");
    try {
      InventoryService[] nodes = {otherNodesInventory(redis), otherNodesInventory(redis), otherNodesInventory(redis)};
      query("UPDATE catalog.reservations SET expires_at = now() - interval '1 second' WHERE id LIKE $1",
          prefix + "-%");
      // three more sweepers in small batches, racing the two deployed ones; a client gives back a few too
      AtomicInteger sweptHere = new AtomicInteger();
      List<String> sweepFailures = Collections.synchronizedList(new ArrayList<>());
      List<Future<Reply>> clientReleases = new ArrayList<>();
      List<Future<Void>> sweepers = new ArrayList<>();
      for (InventoryService node : nodes) {
        sweepers.add(sweepUntilNone(node, sweptHere, sweepFailures, 20));
      }
      for (int i = 0; i < reservations; i += 10) {
        clientReleases.add(finishAsync(CATALOG_STOCK_RELEASE, prefix + "-" + i));
      }
      awaitAll(sweepers);
      List<Reply> released = awaitAll(clientReleases);
      assertThat(released).allSatisfy(reply ->
          assertThat(reply.orThrow().getString("status")).isIn("RELEASED", "EXPIRED"));

      awaitCondition("every reservation to be finished", Duration.ofSeconds(20), () -> count(
          "SELECT count(*) FROM catalog.reservations WHERE id LIKE $1 AND status = 'RESERVED'", prefix + "-%") == 0);
      assertThat(count("SELECT count(*) FROM catalog.reservations WHERE id LIKE $1 AND status IN "
          + "('EXPIRED', 'RELEASED')", prefix + "-%")).isEqualTo(reservations);
      for (String skuId : skuIds) {
        assertInventory(skuId, 200, 0);
      }
      // one movement back per reservation line: expired by one sweeper, or released by the client
      assertThat(count("SELECT count(*) FROM catalog.inventory_log WHERE reference LIKE $1 AND reason IN "
          + "('expired', 'released')", prefix + "-%")).isEqualTo(lines);
      assertThat(count("SELECT count(*) FROM (SELECT reference, sku_id FROM catalog.inventory_log WHERE reference "
          + "LIKE $1 AND reason IN ('expired', 'released') GROUP BY reference, sku_id HAVING count(*) <> 1) x",
          prefix + "-%")).isZero();
      assertThat(count("SELECT count(*) FROM catalog.reservation_lines l JOIN catalog.reservations r "
          + "ON r.id = l.reservation_id WHERE r.id LIKE $1 AND NOT EXISTS (SELECT 1 FROM catalog.inventory_log g "
          + "WHERE g.reference = r.id AND g.sku_id = l.sku_id AND g.reason = lower(r.status))", prefix + "-%"))
          .isZero();
      assertThat(sweptHere.get()).isLessThanOrEqualTo(reservations);
      assertThat(sweepFailures).as("sweeps that failed (a deadlock between sweepers would show here)").isEmpty();
    } finally {
      redis.close();
      await(CatalogFixture.vertx().undeploy(second));
    }
  }

  /** Runs sweeps of {@code batch} one after the other until one finds nothing; a failed sweep is tried again. */
  private static Future<Void> sweepUntilNone(InventoryService node, AtomicInteger swept, List<String> failures,
      int batch) {
    return node.releaseExpired(batch).transform(done -> {
      if (done.failed()) {
        failures.add(done.cause().toString());
        return failures.size() > 20 ? Future.failedFuture(done.cause()) : sweepUntilNone(node, swept, failures, batch);
      }
      swept.addAndGet(done.result());
      return done.result() == 0 ? Future.succeededFuture() : sweepUntilNone(node, swept, failures, batch);
    });
  }

  /**
   * InventoryRepository promises that inventory rows are locked in SKU order "so two transactions touching the same SKUs can
   * never deadlock". A sweep that held one transaction over a whole batch of reservations, locking each one's SKUs in
   * expiry order, could hold SKU B while waiting for SKU A, while a reserve over A and B holds A and waits for B.
   */
  @Test
  void aSweepNeverHoldsAHigherSkuWhileWaitingForALowerOne() {
    JsonObject[] skus = {sku("1.00", 10), sku("2.00", 10)};
    JsonObject product = activeProduct(Caller.seller(), skus);
    List<String> ordered = pgOrder(skuId(product, skus[0].getString("code")), skuId(product, skus[1].getString("code")));
    String lowSku = ordered.get(0);
    String highSku = ordered.get(1);
    String first = unique("order-high");
    String then = unique("order-low");
    reserve(first, 3600, line(highSku, 1)).orThrow();
    reserve(then, 3600, line(lowSku, 1)).orThrow();

    SqlConnection connection = await(CatalogFixture.pg().getConnection());
    Transaction tx = await(connection.begin());
    try {
      // another checkout over both SKUs has locked the lower one, as InventoryRepository.lock does first
      int pid = await(connection.query("SELECT pg_backend_pid()").execute()).iterator().next().getInteger(0);
      await(connection.preparedQuery("SELECT on_hand FROM catalog.inventory WHERE sku_id = $1 FOR UPDATE")
          .execute(Tuple.of(UUID.fromString(lowSku))));
      // both reservations expire, the one on the higher SKU first: one sweep takes both, in that order
      query("UPDATE catalog.reservations SET expires_at = CASE id WHEN $1 THEN timestamptz '2000-01-01 00:00:00Z' "
          + "ELSE timestamptz '2000-01-01 00:00:01Z' END WHERE id IN ($1, $2)", first, then);
      awaitCondition("a sweep waiting for the lower SKU", Duration.ofSeconds(10), () -> count(
          "SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", pid) > 0);

      // the checkout's next lock, the higher SKU, must be free: a sweep that holds it is half of a deadlock
      Throwable failure = null;
      try {
        await(connection.preparedQuery("SELECT on_hand FROM catalog.inventory WHERE sku_id = $1 FOR UPDATE NOWAIT")
            .execute(Tuple.of(UUID.fromString(highSku))));
      } catch (RuntimeException e) {
        failure = e;
      }
      assertThat(failure).as("the sweep holds the higher SKU while it waits for the lower one: %s", failure)
          .isNull();
    } finally {
      await(tx.rollback().recover(e -> Future.succeededFuture()));
      await(connection.close());
    }
    awaitCondition("both reservations to expire", Duration.ofSeconds(10),
        () -> "EXPIRED".equals(status(first)) && "EXPIRED".equals(status(then)));
    assertInventory(lowSku, 10, 0);
    assertInventory(highSku, 10, 0);
  }

  /**
   * A confirm updates products.sold_count (a lock on the product row) and inventory, while a seller's stock
   * adjustment locks the product row first (ProductGuard.lockForSkuChange) and then the inventory row
   * (InventoryRepository.adjustOnHand): a confirm must therefore take the product row before any inventory row.
   */
  @Test
  void aConfirmNeverHoldsInventoryWhileWaitingForItsProduct() {
    JsonObject sku = sku("4.00", 10);
    JsonObject product = activeProduct(Caller.seller(), sku);
    String productId = product.getString("id");
    String skuId = skuId(product, sku.getString("code"));
    String reservationId = unique("paid");
    reserve(reservationId, 600, line(skuId, 2)).orThrow();

    SqlConnection connection = await(CatalogFixture.pg().getConnection());
    Transaction tx = await(connection.begin());
    Future<Reply> confirmed;
    try {
      // a stock adjustment of this product has begun: it holds the product row, as ProductGuard takes it
      int pid = await(connection.query("SELECT pg_backend_pid()").execute()).iterator().next().getInteger(0);
      await(connection.preparedQuery("SELECT id FROM catalog.products WHERE id = $1 FOR UPDATE")
          .execute(Tuple.of(UUID.fromString(productId))));
      confirmed = finishAsync(CATALOG_STOCK_CONFIRM, reservationId);
      awaitCondition("the confirm to wait for the product row", Duration.ofSeconds(5), () -> count(
          "SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", pid) > 0);

      // the adjustment's next lock is the inventory row: a confirm that holds it is half of a deadlock
      Throwable failure = null;
      try {
        await(connection.preparedQuery("SELECT on_hand FROM catalog.inventory WHERE sku_id = $1 FOR UPDATE NOWAIT")
            .execute(Tuple.of(UUID.fromString(skuId))));
      } catch (RuntimeException e) {
        failure = e;
      }
      assertThat(failure).as("the confirm holds the inventory row while it waits for the product row: %s", failure)
          .isNull();
    } finally {
      await(tx.rollback().recover(e -> Future.succeededFuture()));
      await(connection.close());
    }
    assertThat(await(confirmed).orThrow().getString("status")).isEqualTo("CONFIRMED");
    assertInventory(skuId, 8, 0);
  }
}
