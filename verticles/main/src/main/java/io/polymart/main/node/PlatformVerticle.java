package io.polymart.main.node;

import io.polymart.core.audit.AuditActor;
import io.polymart.core.bus.Addresses;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.BusServer;
import io.polymart.core.client.BusClient;
import io.polymart.core.error.ServiceException;
import io.polymart.core.metrics.Meters;
import io.polymart.core.outbox.RelayProducer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The platform's own verticle, one per node: {@code GET /admin/platform} (every node of the cluster, its verticles,
 * their instances and load) and {@code PUT /admin/platform/nodes/{node}/verticles/{name}} (instances of a verticle on
 * one node, changed while it runs; recorded in the audit trail). Any node answers; each node's part is asked of that
 * node's agent.
 */
public final class PlatformVerticle extends VerticleBase {
  private static final String ADMIN = "admin";
  private final NodeDeployments deployments;
  private final Instant startedAt;
  private final String host;
  private VerticleLoad load;
  private ScalingAudit audit;

  /** @param host where the node is reached in the cluster, or null when it runs alone */
  public PlatformVerticle(NodeDeployments deployments, Instant startedAt, String host) {
    this.deployments = deployments;
    this.startedAt = startedAt;
    this.host = host;
  }

  @Override
  public Future<?> start() {
    ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
    String nodeId = cluster == null ? UUID.randomUUID().toString() : cluster.getNodeId();
    load = new VerticleLoad(vertx, Meters.registry(config()));
    NodeAgent agent = new NodeAgent(nodeId, host, startedAt, deployments, load);
    ClusterPlatform platform = new ClusterPlatform(() -> cluster == null ? List.of(nodeId) : cluster.getNodes(),
        BusClient.create(vertx, config()));
    audit = new ScalingAudit(new RelayProducer(vertx, context,
        config().getJsonObject("kafka").getString("bootstrapServers"), "platform-audit"));
    load.start();
    return new BusServer(vertx, Meters.registry(config()))
        .handle(Addresses.PLATFORM_DESCRIBE, request -> {
          request.requireRole(ADMIN);
          return platform.describe();
        })
        .handle(Addresses.PLATFORM_SCALE, request -> {
          request.requireRole(ADMIN);
          AuditActor actor = AuditActor.of(request);
          return platform.scale(request.param("node"), request.param("name"), instances(request))
              .compose(change -> audit.record(actor, change));
        })
        .handle(Addresses.platformNode(nodeId, ClusterPlatform.DESCRIBE),
            request -> Future.succeededFuture(agent.describe()))
        .handle(Addresses.platformNode(nodeId, ClusterPlatform.SCALE),
            request -> agent.scale(request.bodyString("name"), instances(request)))
        .ready();
  }

  private static int instances(BusRequest request) {
    if (!(request.body().getValue("instances") instanceof Integer instances)) {
      throw ServiceException.invalidField("instances", "must be a whole number");
    }
    return instances;
  }

  @Override
  public Future<?> stop() {
    if (load != null) {
      load.stop();
    }
    return audit == null ? Future.succeededFuture() : audit.close();
  }
}
