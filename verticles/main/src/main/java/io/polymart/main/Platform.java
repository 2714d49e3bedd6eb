package io.polymart.main;

import io.polymart.core.client.BusSettings;
import io.polymart.core.health.ReadinessVerticle;
import io.polymart.main.node.NodeDeployments;
import io.polymart.main.node.PlatformVerticle;
import io.polymart.gateway.GatewayVerticle;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Deque;
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
  private final Instant startedAt = Instant.now();
  private ManagementVerticle management;
  private NodeDeployments nodeDeployments;

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
            management.metricsEnabled() ? NodeMetrics.newRegistry() : null,
            tracing == null ? null : tracing.tracerFactory())
        .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS), tracing);
    JsonObject nodeConfig = config.copy();
    if (management.metricsEnabled()) {
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
    nodeDeployments = new NodeDeployments(vertx, config, BusSettings.from(config).timeout());
    ClusterSettings cluster = ClusterSettings.from(config);
    PlatformVerticle platformVerticle = new PlatformVerticle(nodeDeployments, startedAt,
        cluster.enabled() ? cluster.host() + ":" + cluster.port() : null);
    return Future.all(
            deployOne(new ReadinessVerticle(), config),
            deployOne(platformVerticle, config))
        .compose(v -> nodeDeployments.start());
  }

  private Future<Void> deployOne(Deployable verticle, JsonObject config) {
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)).onSuccess(deployments::push)
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
    if (nodeDeployments != null) {
      try {
        nodeDeployments.stop().toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("Undeploying the verticles failed: {}", e.toString());
      }
    }
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
