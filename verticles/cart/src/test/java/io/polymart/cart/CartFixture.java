package io.polymart.cart;

import io.polymart.core.error.ServiceException;
import io.polymart.core.redis.RedisClients;
import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.polymart.testing.BusTestNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.polymart.core.bus.Addresses.CART_GET;
import static io.polymart.core.bus.Addresses.CART_ITEM_ADD;
import static io.polymart.core.bus.Addresses.CART_ITEM_REMOVE;
import static io.polymart.core.bus.Addresses.CART_ITEM_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cart module's tests' node: {@link CartVerticle} (two instances) on a {@link BusTestNode} per test JVM, with a
 * {@link CatalogStub} for the catalog, and the cart's requests. Tests share Redis: every test uses new users, guests
 * and SKUs.
 */
final class CartFixture {
  private static BusTestNode node;
  private static CatalogStub catalog;
  private static RedisAPI redis;

  private CartFixture() {
  }

  static synchronized BusTestNode node() {
    if (node == null) {
      BusTestNode started = BusTestNode.start();
      catalog = new CatalogStub(started.vertx());
      // two instances, as with two event loops or nodes: concurrency on one cart goes through Redis, not one thread
      started.deploy(CartVerticle::new, 2);
      redis = RedisClients.api(started.vertx(), started.config(), "test");
      node = started;
    }
    return node;
  }

  static Vertx vertx() {
    return node().vertx();
  }

  static JsonObject config() {
    return node().config();
  }

  static CatalogStub catalog() {
    node();
    return catalog;
  }

  /** A Redis client of the test's own, for looking at the stored carts. */
  static RedisAPI redis() {
    node();
    return redis;
  }

  // -- requests ----------------------------------------------------------------------------------------------------

  /** Sends a request; the future always succeeds, with the reply or the failure. */
  static Future<Reply> send(String address, JsonObject params, JsonObject body, Caller caller) {
    return node().send(address, params, body, caller);
  }

  static Reply call(String address, JsonObject params, JsonObject body, Caller caller) {
    return node().call(address, params, body, caller);
  }

  static JsonObject ok(String address, JsonObject params, JsonObject body, Caller caller) {
    return node().ok(address, params, body, caller);
  }

  static ServiceException fails(String address, JsonObject params, JsonObject body, Caller caller) {
    return node().fails(address, params, body, caller);
  }

  // -- the cart's addresses ---------------------------------------------------------------------------------------

  static Reply add(Caller caller, String skuId, int quantity) {
    return await(addAsync(caller, skuId, quantity));
  }

  static Future<Reply> addAsync(Caller caller, String skuId, int quantity) {
    return send(CART_ITEM_ADD, new JsonObject(), new JsonObject().put("skuId", skuId).put("quantity", quantity),
        caller);
  }

  static JsonObject cart(Caller caller) {
    return ok(CART_GET, new JsonObject(), new JsonObject(), caller);
  }

  static Reply update(Caller caller, String skuId, JsonObject body) {
    return call(CART_ITEM_UPDATE, new JsonObject().put("skuId", skuId), body, caller);
  }

  static Reply remove(Caller caller, String skuId) {
    return call(CART_ITEM_REMOVE, new JsonObject().put("skuId", skuId), new JsonObject(), caller);
  }

  /** The cart's line of the SKU. */
  static JsonObject line(JsonObject cart, String skuId) {
    return cart.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(item -> skuId.equals(item.getString("skuId"))).findFirst()
        .orElseThrow(() -> new AssertionError("no line of " + skuId + " in " + cart.encode()));
  }

  /** {skuId: quantity} of the cart's lines, in the cart's order. */
  static Map<String, Integer> quantities(JsonObject cart) {
    Map<String, Integer> quantities = new LinkedHashMap<>();
    cart.getJsonArray("items").forEach(item -> quantities.put(((JsonObject) item).getString("skuId"),
        ((JsonObject) item).getInteger("quantity")));
    return quantities;
  }

  static void assertFailure(ServiceException error, int status, String code) {
    assertThat(error.status()).as(error.toJson().encode()).isEqualTo(status);
    assertThat(error.code()).as(error.toJson().encode()).isEqualTo(code);
  }

  /** The seconds the Redis key has left (-2 when it does not exist). */
  static long ttl(String key) {
    return await(redis().ttl(key)).toLong();
  }

  static boolean exists(String key) {
    return await(redis().exists(List.of(key))).toInteger() > 0;
  }

  // -- waiting -----------------------------------------------------------------------------------------------------

  static <T> T await(Future<T> future) {
    return BusTestNode.await(future);
  }

  /** Every future's result, in order; the futures run at once. */
  static <T> List<T> awaitAll(List<Future<T>> futures) {
    return BusTestNode.awaitAll(futures);
  }

  static void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
    Await.until(what, timeout, condition);
  }
}
