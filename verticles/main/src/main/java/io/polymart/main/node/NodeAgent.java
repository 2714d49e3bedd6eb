package io.polymart.main.node;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** This node as {@code /admin/platform} shows it, and the run-time changes of its verticles' instances. */
final class NodeAgent {
  static final int MAX_INSTANCES = 32;
  private final String nodeId;
  private final String host;
  private final Instant startedAt;
  private final NodeDeployments deployments;
  private final VerticleLoad load;

  /** @param host where the node is reached in the cluster, or null when it runs alone */
  NodeAgent(String nodeId, String host, Instant startedAt, NodeDeployments deployments, VerticleLoad load) {
    this.nodeId = nodeId;
    this.host = host;
    this.startedAt = startedAt;
    this.deployments = deployments;
    this.load = load;
  }

  String nodeId() {
    return nodeId;
  }

  /** The node, its uptime and, for every verticle it runs or was configured to run, instances and load. */
  JsonObject describe() {
    JsonArray verticles = new JsonArray();
    for (String name : NodeDeployments.names()) {
      int running = deployments.running(name);
      int configured = deployments.configured(name);
      if (running > 0 || configured > 0) {
        verticles.add(new JsonObject()
            .put("name", name)
            .put("instances", running)
            .put("configuredInstances", configured)
            .put("scalable", NodeDeployments.scalable(name))
            .put("requestsPerSecond", load.perSecond(name)));
      }
    }
    Instant now = Instant.now();
    return new JsonObject()
        .put("id", nodeId)
        .put("reachable", true)
        .put("host", host)
        .put("startedAt", startedAt.truncatedTo(ChronoUnit.MILLIS).toString())
        .put("uptimeSeconds", Duration.between(startedAt, now).toSeconds())
        .put("verticles", verticles);
  }

  /**
   * Runs {@code instances} of {@code name} on this node from now on, draining the instances it removes.
   *
   * @return the verticle's instances before and after
   */
  Future<JsonObject> scale(String name, int instances) {
    if (NodeVerticles.of(name) == null) {
      return Future.failedFuture(ServiceException.notFound("No verticle named " + name));
    }
    if (!NodeDeployments.scalable(name)) {
      return Future.failedFuture(ServiceException.unprocessable("NOT_SCALABLE", "The " + name
          + "'s instances are set by conf: each holds open HTTP connections that another instance cannot take over"));
    }
    if (instances < 0 || instances > MAX_INSTANCES) {
      return Future.failedFuture(ServiceException.invalidField("instances", "must be from 0 to " + MAX_INSTANCES));
    }
    return deployments.scale(name, instances).map(before -> new JsonObject()
        .put("node", nodeId)
        .put("name", name)
        .put("previousInstances", before)
        .put("instances", deployments.running(name)));
  }
}
