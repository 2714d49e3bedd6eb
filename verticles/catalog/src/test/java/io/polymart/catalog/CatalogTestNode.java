package io.polymart.catalog;

import io.polymart.testing.Await;
import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.db.PgSettings;
import io.polymart.core.error.ServiceException;
import io.polymart.testing.TestBackends;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.polymart.core.bus.Addresses.CATALOG_CATEGORY_CREATE;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_CREATE;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_GET;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCT_PUBLISH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Vert.x with one {@link CatalogVerticle} per test JVM, on the shared embedded backends, started on first use.
 * Requests go over the event bus as the gateway sends them: a {@link BusRequest#envelope} and the caller's identity in
 * delivery headers. Every test class shares the database: fixtures use unique names, slugs and codes.
 */
public final class CatalogTestNode {
  public static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static Vertx vertx;
  private static JsonObject config;
  private static Pool pg;
  private static String categoryId;

  /** Who sends a request: the identity headers the gateway would set (none for another verticle's call). */
  public record Caller(String userId, String roles) {
    public static Caller admin() {
      return new Caller(UUID.randomUUID().toString(), "admin");
    }

    public static Caller seller() {
      return new Caller(UUID.randomUUID().toString(), "seller");
    }

    public static Caller service() {
      return new Caller(null, null);
    }

    public UUID uuid() {
      return UUID.fromString(userId);
    }
  }

  /** A reply: its body, or the failure as the gateway would read it. */
  public record Reply(JsonObject body, ServiceException error) {
    public boolean ok() {
      return error == null;
    }

    public JsonObject orThrow() {
      if (error != null) {
        throw new AssertionError("Expected success, got " + error.status() + " " + error.toJson().encode());
      }
      return body;
    }

    public ServiceException failure() {
      if (error == null) {
        throw new AssertionError("Expected a failure, got " + (body == null ? "no content" : body.encode()));
      }
      return error;
    }
  }

  private CatalogTestNode() {
  }

  public static synchronized void start() {
    if (vertx != null) {
      return;
    }
    config = TestBackends.config();
    // quick sweeps, so that expiry tests take a second or two
    config.getJsonObject("catalog").getJsonObject("reservations").put("sweepIntervalSeconds", 1);
    Vertx started = Vertx.vertx();
    await(started.deployVerticle(new CatalogVerticle(), new DeploymentOptions().setConfig(config)));
    pg = PgSettings.from(config).pool(started);
    vertx = started;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> started.close().toCompletionStage().toCompletableFuture()
        .orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join(), "catalog-test-node-stop"));
  }

  public static Vertx vertx() {
    start();
    return vertx;
  }

  public static JsonObject config() {
    start();
    return config.copy();
  }

  /** A pool of the test's own on the catalog database, for looking at (and setting up) rows directly. */
  public static Pool pg() {
    start();
    return pg;
  }

  // -- requests ----------------------------------------------------------------------------------------------------

  /** Sends a request; the future always succeeds, with the reply body or the failure. */
  public static Future<Reply> send(String address, JsonObject params, JsonObject body, Caller caller) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(TIMEOUT.toMillis());
    if (caller.userId() != null) {
      options.addHeader(BusHeaders.USER_ID, caller.userId());
    }
    if (caller.roles() != null) {
      options.addHeader(BusHeaders.USER_ROLES, caller.roles());
    }
    return vertx().eventBus().<JsonObject>request(address, BusRequest.envelope(params, new JsonObject(), body), options)
        .map(message -> new Reply(message.body(), null))
        .recover(failure -> Future.succeededFuture(new Reply(null, ServiceException.fromFailure(failure))));
  }

  public static Reply call(String address, JsonObject params, JsonObject body, Caller caller) {
    return await(send(address, params, body, caller));
  }

  /** A request that must succeed: its reply body. */
  public static JsonObject ok(String address, JsonObject params, JsonObject body, Caller caller) {
    return call(address, params, body, caller).orThrow();
  }

  /** A request that must fail: the failure. */
  public static ServiceException fails(String address, JsonObject params, JsonObject body, Caller caller) {
    return call(address, params, body, caller).failure();
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
    String name = unique("Product");
    JsonObject product = ok(CATALOG_PRODUCT_CREATE, new JsonObject(), new JsonObject().put("name", name)
        .put("slug", name.toLowerCase()).put("categoryId", category()).put("skus", new JsonArray(List.of(skus))),
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
