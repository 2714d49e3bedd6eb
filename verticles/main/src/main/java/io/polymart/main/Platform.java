package io.polymart.main;

import io.polymart.cart.CartVerticle;
import io.polymart.catalog.CatalogVerticle;
import io.polymart.orders.OrdersVerticle;
import io.polymart.recommendations.RecommendationsVerticle;
import io.polymart.storefront.StorefrontVerticle;
import io.polymart.reviews.ReviewsVerticle;
import io.polymart.core.health.ReadinessVerticle;
import io.polymart.gateway.GatewayVerticle;
import io.polymart.users.UsersVerticle;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * Deploys the verticles on one Vert.x instance, domain verticles first and the gateway last, and stops
 * them in reverse: the HTTP server closes before the verticles it forwards to.
 */
public final class Platform {
  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
  private static final long STOP_TIMEOUT_SECONDS = 30;
  private final Vertx vertx;
  // pushed from event-loop threads as deployments complete, popped by the stopping thread
  private final Deque<String> deployments = new ConcurrentLinkedDeque<>();
  private final NodeTracing tracing;
  private ManagementVerticle management;

  private Platform(Vertx vertx, NodeTracing tracing) {
    this.vertx = vertx;
    this.tracing = tracing;
  }

  /** Blocks until every verticle is deployed; {@code config} must name every backend. */
  public static Platform start(JsonObject config) throws Exception {
    return start(config, null);
  }

  /**
   * As {@link #start(JsonObject)}, with the node's spans sent to {@code spans} (tracing on whatever
   * {@code tracing.otlpEndpoint} says), or as conf says when null.
   */
  public static Platform start(JsonObject config, SpanExporter spans) throws Exception {
    ManagementSettings management = ManagementSettings.from(config);
    TracingSettings tracingSettings = TracingSettings.from(config);
    NodeTracing.prepareStorage();
    NodeTracing tracing = tracingSettings.enabled() || spans != null ? NodeTracing.start(tracingSettings, spans) : null;
    String registryName = NodeMetrics.newRegistryName();
    Platform platform = new Platform(VertxFactory.create(config,
            management.metricsEnabled() ? NodeMetrics.options(registryName) : null,
            tracing == null ? null : tracing.tracerFactory())
        .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS), tracing);
    JsonObject nodeConfig = config.copy();
    if (management.metricsEnabled()) {
      NodeMetrics.shape(registryName);
      nodeConfig.getJsonObject("management").put("registryName", registryName);
    }
    try {
      platform.deploy(nodeConfig).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      if (management.metricsEnabled()) {
        platform.management = new ManagementVerticle(management, registryName);
        platform.deployments.push(platform.vertx.deployVerticle(platform.management)
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
      }
      return platform;
    } catch (Exception e) {
      platform.stop();
      throw e;
    }
  }

  private Future<Void> deploy(JsonObject config) {
    // Domain verticles start side by side; the gateway opens the port only once they answer.
    if (config.getJsonObject("verticles").getJsonObject("gateway").getBoolean("enabled")) {
      GatewayVerticle.loadContract(vertx);
    }
    return Future.all(List.of(
            deploy(ReadinessVerticle.class, config, 1),
            deployIfEnabled(UsersVerticle.class, config, "users"),
            deployIfEnabled(CatalogVerticle.class, config, "catalog"),
            deployIfEnabled(CartVerticle.class, config, "cart"),
            deployIfEnabled(OrdersVerticle.class, config, "orders"),
            deployIfEnabled(ReviewsVerticle.class, config, "reviews"),
            deployIfEnabled(RecommendationsVerticle.class, config, "recommendations"),
            deployIfEnabled(StorefrontVerticle.class, config, "storefront")))
        .compose(v -> deployIfEnabled(GatewayVerticle.class, config, "gateway"));
  }

  /** {@code verticles.<name>.enabled} lets a node run a subset; {@code instances} 0 means one per core. */
  private Future<Void> deployIfEnabled(Class<? extends Deployable> verticle, JsonObject config, String name) {
    JsonObject settings = config.getJsonObject("verticles").getJsonObject(name);
    if (!settings.getBoolean("enabled")) {
      LOG.info("{} is disabled on this node", verticle.getSimpleName());
      return Future.succeededFuture();
    }
    int configured = settings.getInteger("instances");
    return deploy(verticle, config, configured > 0 ? configured : Runtime.getRuntime().availableProcessors());
  }

  private Future<Void> deploy(Class<? extends Deployable> verticle, JsonObject config, int instances) {
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config).setInstances(instances))
        .onSuccess(id -> {
          deployments.push(id);
          LOG.info("Deployed {} x{}", verticle.getSimpleName(), instances);
        })
        .mapEmpty();
  }

  /** The port of the node's management listener ({@code /metrics}); -1 when metrics are off. */
  int managementPort() {
    return management == null ? -1 : management.port();
  }

  /** The Vert.x instance the verticles run on (tests publish and listen on its event bus). */
  Vertx vertx() {
    return vertx;
  }

  public void stop() {
    while (!deployments.isEmpty()) {
      String id = deployments.pop();
      try {
        vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("Undeploying {} failed: {}", id, e.toString());
      }
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Closing Vert.x failed: {}", e.toString());
    }
    if (tracing != null) {
      tracing.stop();
    }
  }
}
