package io.polymart.testing;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.client.BusCaller;
import io.polymart.core.client.BusClient;
import io.polymart.core.client.BusSettings;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One Vert.x on the shared embedded backends ({@link TestBackends#config()}), where a module test deploys its verticle
 * and calls its addresses as the gateway does: a {@link BusRequest#envelope} with the caller's identity in delivery
 * headers. Replies and failures are read as the gateway reads them. Keep one node per test JVM (a static field of the
 * module's test helper): every test class shares the backends, so fixtures use new users, names and ids.
 */
public final class BusTestNode {
  public static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Vertx vertx;
  private final JsonObject config;
  private final BusClient bus;

  /** Who sends a request: the identity headers the gateway would set; none for a guest or another verticle. */
  public record Caller(String userId, List<String> roles, String cartToken, Map<String, String> headers) {
    public Caller {
      roles = List.copyOf(roles);
      headers = Map.copyOf(headers);
    }

    /** A new signed-in customer. */
    public static Caller user() {
      return user(UUID.randomUUID().toString());
    }

    public static Caller user(String userId) {
      return new Caller(userId, List.of(), null, Map.of());
    }

    public static Caller admin() {
      return user().withRoles("admin");
    }

    public static Caller seller() {
      return user().withRoles("seller");
    }

    /** A guest with the cart token of an earlier reply. */
    public static Caller guest(String cartToken) {
      return anonymous().withCartToken(cartToken);
    }

    /** A guest without a token. */
    public static Caller anonymous() {
      return new Caller(null, List.of(), null, Map.of());
    }

    /** Another verticle, asking on nobody's behalf. */
    public static Caller service() {
      return anonymous();
    }

    public Caller withRoles(String... roles) {
      return new Caller(userId, Arrays.asList(roles), cartToken, headers);
    }

    /** This caller sending a guest cart token too (a signed-in user's browser may still send one). */
    public Caller withCartToken(String token) {
      return new Caller(userId, roles, token, headers);
    }

    /** Another delivery header of {@link BusHeaders}: the client address, the session, the user agent. */
    public Caller withHeader(String name, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(name, value);
      return new Caller(userId, roles, cartToken, more);
    }

    public UUID uuid() {
      return UUID.fromString(userId);
    }

    BusCaller busCaller() {
      BusCaller caller = userId == null ? BusCaller.NONE : BusCaller.user(userId);
      if (!roles.isEmpty()) {
        caller = caller.withRoles(roles);
      }
      caller = caller.withCartToken(cartToken);
      for (Map.Entry<String, String> header : headers.entrySet()) {
        caller = caller.with(header.getKey(), header.getValue());
      }
      return caller;
    }
  }

  /** A reply: its body and delivery headers, or the failure as the gateway would read it. */
  public record Reply(JsonObject body, Map<String, String> headers, ServiceException error) {
    public boolean ok() {
      return error == null;
    }

    /** A reply header, null when the reply has none (or is a failure). */
    public String header(String name) {
      return headers.get(name);
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

  private BusTestNode(Vertx vertx, JsonObject config) {
    this.vertx = vertx;
    this.config = config;
    this.bus = new BusClient(vertx, new BusSettings(TIMEOUT));
  }

  /** A new node with the shared backends' configuration; it closes when the JVM exits. */
  public static BusTestNode start() {
    return start(config -> { });
  }

  /** A new node whose configuration is the shared backends' one after {@code changes}. */
  public static BusTestNode start(Consumer<JsonObject> changes) {
    JsonObject config = TestBackends.config();
    changes.accept(config);
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().toCompletionStage().toCompletableFuture()
        .orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join(), "bus-test-node-stop"));
    return new BusTestNode(vertx, config);
  }

  /**
   * Deploys {@code instances} of a verticle with this node's configuration and waits until it is up. Several
   * instances behave like several event loops or nodes: concurrency goes through the backends, not one thread.
   */
  public BusTestNode deploy(Supplier<? extends Deployable> verticle, int instances) {
    await(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config.copy()).setInstances(instances)));
    return this;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** A copy of the configuration the verticles were deployed with. */
  public JsonObject config() {
    return config.copy();
  }

  // -- requests ----------------------------------------------------------------------------------------------------

  /** Sends a request; the future always succeeds, with the reply or the failure. */
  public Future<Reply> send(String address, JsonObject params, JsonObject query, JsonObject body, Caller caller) {
    return bus.send(address, params, query, body, caller.busCaller())
        .map(message -> {
          Map<String, String> headers = new LinkedHashMap<>();
          message.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
          return new Reply(message.body(), headers, null);
        })
        .recover(failure -> Future.succeededFuture(new Reply(null, Map.of(), ServiceException.fromFailure(failure))));
  }

  public Future<Reply> send(String address, JsonObject params, JsonObject body, Caller caller) {
    return send(address, params, new JsonObject(), body, caller);
  }

  public Reply call(String address, JsonObject params, JsonObject body, Caller caller) {
    return await(send(address, params, body, caller));
  }

  /** A request that must succeed: its reply body. */
  public JsonObject ok(String address, JsonObject params, JsonObject body, Caller caller) {
    return call(address, params, body, caller).orThrow();
  }

  /** A request that must fail: the failure. */
  public ServiceException fails(String address, JsonObject params, JsonObject body, Caller caller) {
    return call(address, params, body, caller).failure();
  }

  // -- waiting -----------------------------------------------------------------------------------------------------

  public static <T> T await(Future<T> future) {
    return Await.result(future, TIMEOUT);
  }

  /** Every future's result, in order; the futures run at once. */
  public static <T> List<T> awaitAll(List<Future<T>> futures) {
    return Await.all(futures, TIMEOUT);
  }
}
