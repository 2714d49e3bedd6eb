package io.polymart.catalog;

import io.polymart.core.db.PgSettings;
import io.polymart.core.error.ServiceException;
import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.polymart.core.bus.Addresses.CATALOG_CATEGORY_CREATE;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_CREATE;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_GET;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_PUBLISH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's requests and fixtures on one {@link BusTestNode} per test JVM running a {@link CatalogVerticle} on the
 * shared embedded backends, started on first use. Every test class shares the database: fixtures use unique names,
 * slugs and codes.
 */
public final class CatalogFixture {
  public static final Duration TIMEOUT = BusTestNode.TIMEOUT;
  private static BusTestNode node;
  private static Pool pg;
  private static String categoryId;

  private CatalogFixture() {
  }

  public static synchronized BusTestNode node() {
    if (node == null) {
      // quick sweeps, so that expiry tests take a second or two
      node = BusTestNode.start(config -> config.getJsonObject("catalog").getJsonObject("reservations")
          .put("sweepIntervalSeconds", 1)).deploy(CatalogVerticle::new, 1);
      pg = PgSettings.from(node.config()).pool(node.vertx(), "test");
    }
    return node;
  }

  public static Vertx vertx() {
    return node().vertx();
  }

  public static JsonObject config() {
    return node().config();
  }

  /** A pool of the test's own on the catalog database, for looking at (and setting up) rows directly. */
  public static Pool pg() {
    node();
    return pg;
  }

  // -- requests ----------------------------------------------------------------------------------------------------

  /** Sends a request; the future always succeeds, with the reply body or the failure. */
  public static Future<Reply> send(String address, JsonObject params, JsonObject body, Caller caller) {
    return node().send(address, params, body, caller);
  }

  public static Reply call(String address, JsonObject params, JsonObject body, Caller caller) {
    return node().call(address, params, body, caller);
  }

  /** A request that must succeed: its reply body. */
  public static JsonObject ok(String address, JsonObject params, JsonObject body, Caller caller) {
    return node().ok(address, params, body, caller);
  }

  /** A request that must fail: the failure. */
  public static ServiceException fails(String address, JsonObject params, JsonObject body, Caller caller) {
    return node().fails(address, params, body, caller);
  }

  public static JsonObject id(String id) {
    return new JsonObject().put("id", id);
  }

// -- fixtures ----------------------------------------------------------------------------------------------------

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  public static String createCategory() {
    String slug = unique("cat");
    JsonObject category = ok(CATALOG_CATEGORY_CREATE, new JsonObject(),
        new JsonObject().put("name", "Category " + slug).put("slug", slug), Caller.admin());
    assertThat(category.getString("slug")).isEqualTo(slug);
    return category.getString("id");
  }

  /** A category shared by the products of this JVM's tests. */
  public static synchronized String category() {
    if (categoryId == null) {
      categoryId = createCategory();
    }
    return categoryId;
  }

  /** A new SKU with a unique code. */
  public static JsonObject sku(String price, int stock) {
    return new JsonObject().put("code", unique("SKU")).put("price", price).put("stock", stock);
  }

  /** A DRAFT product of {@code seller} with these SKUs; the reply of catalog.product.create. */
  public static JsonObject createProduct(Caller seller, JsonObject... skus) {
    return createProduct(seller, category(), skus);
  }

  /** A DRAFT product of {@code seller} in the category with these SKUs; the reply of catalog.product.create. */
  public static JsonObject createProduct(Caller seller, String categoryId, JsonObject... skus) {
    String name = unique("Product");
    JsonObject product = ok(CATALOG_PRODUCT_CREATE, new JsonObject(), new JsonObject().put("name", name)
        .put("slug", name.toLowerCase()).put("categoryId", categoryId).put("skus", new JsonArray(List.of(skus))),
        seller);
    assertThat(product.getString("status")).isEqualTo("DRAFT");
    assertThat(product.getJsonArray("skus")).hasSize(skus.length);
    return product;
  }

  public static JsonObject publish(String productId, Caller seller) {
    JsonObject product = ok(CATALOG_PRODUCT_PUBLISH, id(productId), new JsonObject(), seller);
    assertThat(product.getString("status")).isEqualTo("ACTIVE");
    return product;
  }

  /** A published product with these SKUs. */
  public static JsonObject activeProduct(Caller seller, JsonObject... skus) {
    return publish(createProduct(seller, skus).getString("id"), seller);
  }

  /** The id of the product's SKU with this code. */
  public static String skuId(JsonObject product, String code) {
    return skuOf(product, code).getString("id");
  }

  public static JsonObject skuOf(JsonObject product, String code) {
    return product.getJsonArray("skus").stream().map(JsonObject.class::cast)
        .filter(sku -> code.equals(sku.getString("code"))).findFirst()
        .orElseThrow(() -> new AssertionError("no SKU " + code + " in " + product.encode()));
  }

  /** The product as catalog.product.get shows it to an admin. */
  public static JsonObject product(String productId) {
    return ok(CATALOG_PRODUCT_GET, id(productId), new JsonObject(), Caller.admin());
  }

  /** {@code skus[].available} of catalog.product.get for the SKU. */
  public static int available(String productId, String skuId) {
    return product(productId).getJsonArray("skus").stream().map(JsonObject.class::cast)
        .filter(sku -> skuId.equals(sku.getString("id"))).findFirst().orElseThrow().getInteger("available");
  }

  // -- the database ------------------------------------------------------------------------------------------------

  public static RowSet<Row> query(String sql, Object... params) {
    return await(pg().preparedQuery(sql).execute(Tuple.from(params)));
  }

  public static long count(String sql, Object... params) {
    return query(sql, params).iterator().next().getLong(0);
  }

  /** {on_hand, reserved} of the SKU's inventory row. */
  public static int[] inventory(String skuId) {
    Row row = query("SELECT on_hand, reserved FROM catalog.inventory WHERE sku_id = $1", UUID.fromString(skuId))
        .iterator().next();
    return new int[] {row.getInteger("on_hand"), row.getInteger("reserved")};
  }

  /** Rows of catalog.inventory_log for the SKU with this reason (and reference, when given). */
  public static long logRows(String skuId, String reason, String reference) {
    return count("SELECT count(*) FROM catalog.inventory_log WHERE sku_id = $1 AND reason = $2 "
        + "AND ($3::text IS NULL OR reference = $3)", UUID.fromString(skuId), reason, reference);
  }

  /** The data of a StockChanged event (schemas/events/polymart.catalog.json), as a test expects it. */
  public static JsonObject stockChanged(String productId, String skuId, int onHand, int reserved, int onHandDelta,
      int reservedDelta, String reason) {
    return new JsonObject().put("productId", productId).put("skuId", skuId).put("onHand", onHand)
        .put("reserved", reserved).put("available", onHand - reserved).put("onHandDelta", onHandDelta)
        .put("reservedDelta", reservedDelta).put("reason", reason);
  }

  /** Log rows of the SKU that show an impossible level: negative, or more reserved than on hand. */
  public static long impossibleLevels(String skuId) {
    return count("SELECT count(*) FROM catalog.inventory_log WHERE sku_id = $1 AND (on_hand_after < 0 "
        + "OR reserved_after < 0 OR reserved_after > on_hand_after)", UUID.fromString(skuId));
  }

  // -- waiting -----------------------------------------------------------------------------------------------------

  public static <T> T await(Future<T> future) {
    return Await.result(future, TIMEOUT);
  }

  /** Every future's result, in order; the futures run at once. */
  public static <T> List<T> awaitAll(List<Future<T>> futures) {
    return Await.all(futures, TIMEOUT);
  }

  public static void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
    Await.until(what, timeout, condition);
  }
}
