package io.polymart.cart;

import io.polymart.testing.Await;
import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusReply;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.polymart.core.redis.RedisClients;
import io.polymart.testing.TestBackends;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.polymart.core.bus.Addresses.CART_GET;
import static io.polymart.core.bus.Addresses.CART_ITEM_ADD;
import static io.polymart.core.bus.Addresses.CART_ITEM_REMOVE;
import static io.polymart.core.bus.Addresses.CART_ITEM_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Vert.x with one {@link CartVerticle} per test JVM, on the shared embedded Redis, and a {@link CatalogStub} for
 * the catalog. Requests go over the event bus as the gateway sends them. Tests share Redis: every test uses new users,
 * guests and SKUs.
 */
final class CartTestNode {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static Vertx vertx;
  private static JsonObject config;
  private static CatalogStub catalog;
  private static RedisAPI redis;

  /** Who sends a request: a signed-in user, a guest with a token, or a guest without one (both null). */
  record Caller(String userId, String token) {
    static Caller user() {
      return new Caller(UUID.randomUUID().toString(), null);
    }

    static Caller guest(String token) {
      return new Caller(null, token);
    }

    static Caller anonymous() {
      return new Caller(null, null);
    }

    /** A signed-in user whose browser still sends a guest token. */
    Caller withToken(String guestToken) {
      return new Caller(userId, guestToken);
    }
  }

  /** A reply: its body and the cart token header, or the failure as the gateway would read it. */
  record Reply(JsonObject body, String issuedToken, ServiceException error) {
    boolean ok() {
      return error == null;
    }

    JsonObject orThrow() {
      if (error != null) {
        throw new AssertionError("Expected success, got " + error.status() + " " + error.toJson().encode());
      }
      return body;
    }

    ServiceException failure() {
      if (error == null) {
        throw new AssertionError("Expected a failure, got " + (body == null ? "no content" : body.encode()));
      }
      return error;
    }
  }

  private CartTestNode() {
  }

  static synchronized void start() {
    if (vertx != null) {
      return;
    }
    config = TestBackends.config();
    Vertx started = Vertx.vertx();
    catalog = new CatalogStub(started);
    // two instances, as with two event loops or nodes: concurrency on one cart goes through Redis, not one thread
    await(started.deployVerticle(CartVerticle::new, new DeploymentOptions().setConfig(config).setInstances(2)));
    redis = RedisClients.api(started, config);
    vertx = started;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> started.close().toCompletionStage().toCompletableFuture()
        .orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join(), "cart-test-node-stop"));
  }

  static Vertx vertx() {
    start();
    return vertx;
  }

  static JsonObject config() {
    start();
    return config.copy();
  }

  static CatalogStub catalog() {
    start();
    return catalog;
  }

  /** A Redis client of the test's own, for looking at the stored carts. */
  static RedisAPI redis() {
    start();
    return redis;
  }

  // -- requests ----------------------------------------------------------------------------------------------------

  /** Sends a request; the future always succeeds, with the reply or the failure. */
  static Future<Reply> send(String address, JsonObject params, JsonObject body, Caller caller) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(TIMEOUT.toMillis());
    if (caller.userId() != null) {
      options.addHeader(BusHeaders.USER_ID, caller.userId());
    }
    if (caller.token() != null) {
      options.addHeader(BusHeaders.CART_TOKEN, caller.token());
    }
    return vertx().eventBus().<JsonObject>request(address, BusRequest.envelope(params, new JsonObject(), body), options)
        .map(message -> new Reply(message.body(), message.headers().get(BusReply.CART_TOKEN), null))
        .recover(failure -> Future.succeededFuture(new Reply(null, null, ServiceException.fromFailure(failure))));
  }

  static Reply call(String address, JsonObject params, JsonObject body, Caller caller) {
    return await(send(address, params, body, caller));
  }

  static JsonObject ok(String address, JsonObject params, JsonObject body, Caller caller) {
    return call(address, params, body, caller).orThrow();
  }

  static ServiceException fails(String address, JsonObject params, JsonObject body, Caller caller) {
    return call(address, params, body, caller).failure();
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
    return Await.result(future, TIMEOUT);
  }

  /** Every future's result, in order; the futures run at once. */
  static <T> List<T> awaitAll(List<Future<T>> futures) {
    return Await.all(futures, TIMEOUT);
  }

  static void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
    Await.until(what, timeout, condition);
  }
}
