package io.polymart.main.node;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.IntStream;

/**
 * This node's verticles, deployed as conf says ({@code verticles.<name>.enabled}, {@code instances}, 0 meaning one
 * per core), one deployment per instance so that instances can be added and removed one at a time while the node
 * runs ({@link #scale}). An instance removed is drained first ({@link Drained}). Changes made at run time last until
 * the node stops: at start, conf decides.
 */
public final class NodeDeployments {
  private static final Logger LOG = LoggerFactory.getLogger(NodeDeployments.class);
  private final Vertx vertx;
  private final JsonObject config;
  private final Duration drainLimit;
  private final Map<String, Integer> configured = new LinkedHashMap<>();
  // deployment ids per verticle name, oldest first
  private final Map<String, Deque<String>> deployments = new ConcurrentHashMap<>();
  private Future<?> changes = Future.succeededFuture();

  /** @param drainLimit how long an instance being removed may take to answer the requests it is handling */
  public NodeDeployments(Vertx vertx, JsonObject config, Duration drainLimit) {
    this.vertx = vertx;
    this.config = config;
    this.drainLimit = drainLimit;
    JsonObject verticles = config.getJsonObject("verticles");
    for (String name : names()) {
      JsonObject settings = verticles.getJsonObject(name);
      int instances = settings.getInteger("instances");
      configured.put(name, !settings.getBoolean("enabled") ? 0
          : instances > 0 ? instances : Runtime.getRuntime().availableProcessors());
      deployments.put(name, new ConcurrentLinkedDeque<>());
    }
  }

  /** Every verticle a node can run, in the order they start. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(NodeVerticles.DOMAIN.keySet());
    names.add(NodeVerticles.GATEWAY);
    return names;
  }

  /** Whether {@link #scale} may change {@code name}: the gateway's instances hold HTTP connections, see the README. */
  public static boolean scalable(String name) {
    return NodeVerticles.DOMAIN.containsKey(name);
  }

  /** Deploys what conf asks, the domain verticles side by side, then the gateway. */
  public Future<Void> start() {
    return Future.all(NodeVerticles.DOMAIN.keySet().stream().map(this::startConfigured).toList())
        .compose(v -> startConfigured(NodeVerticles.GATEWAY));
  }

  private Future<Void> startConfigured(String name) {
    int instances = configured.get(name);
    if (instances == 0) {
      LOG.info("{} is disabled on this node", name);
      return Future.succeededFuture();
    }
    return add(name, instances).onSuccess(v -> LOG.info("Deployed {} x{}", name, instances));
  }

  /** The instances of {@code name} conf gave this node. */
  public int configured(String name) {
    return configured.get(name);
  }

  /** The instances of {@code name} running now. */
  public int running(String name) {
    return deployments.get(name).size();
  }

  /**
   * Adds or removes instances of {@code name} until {@code instances} run; changes run one after the other.
   *
   * @return how many ran before
   */
  public Future<Integer> scale(String name, int instances) {
    Future<Integer> scaled;
    synchronized (this) {
      scaled = changes.transform(any -> change(name, instances));
      changes = scaled;
    }
    return scaled;
  }

  private Future<Integer> change(String name, int instances) {
    int before = running(name);
    Future<Void> changed = instances > before ? add(name, instances - before) : remove(name, before - instances);
    return changed.map(before).onSuccess(v -> LOG.info("Scaled {} from {} to {} instance(s)", name, before, instances));
  }

  private Future<Void> add(String name, int count) {
    DeploymentOptions options = new DeploymentOptions().setConfig(config).setInstances(1);
    return Future.all(IntStream.range(0, count)
        .mapToObj(i -> vertx.deployVerticle(() -> new Drained(NodeVerticles.of(name).get(), drainLimit), options)
            .onSuccess(id -> deployments.get(name).addLast(id)))
        .toList()).mapEmpty();
  }

  /** The newest instances leave first; each is out of the count as soon as it starts draining. */
  private Future<Void> remove(String name, int count) {
    List<Future<Void>> undeployed = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = deployments.get(name).pollLast();
      if (id != null) {
        undeployed.add(vertx.undeploy(id));
      }
    }
    return Future.all(undeployed).mapEmpty();
  }

  /**
   * Removes every instance: the gateway's first (no new requests come in), then the others side by side (each drains
   * and closes its own clients; their Kafka consumers take up to a few seconds each to leave their groups).
   */
  public Future<Void> stop() {
    return removeAll(NodeVerticles.GATEWAY).compose(v -> Future.join(NodeVerticles.DOMAIN.keySet().stream()
        .map(this::removeAll).toList())).mapEmpty();
  }

  private Future<Void> removeAll(String name) {
    return remove(name, running(name)).otherwise(failure -> {
      LOG.warn("Undeploying {} failed: {}", name, failure.toString());
      return null;
    });
  }
}
