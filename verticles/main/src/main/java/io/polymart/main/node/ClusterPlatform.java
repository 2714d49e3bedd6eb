package io.polymart.main.node;

import io.polymart.core.bus.Addresses;
import io.polymart.core.client.BusClient;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Supplier;

/** The whole cluster's platform, asked of each node's {@link NodeAgent} over the event bus. */
final class ClusterPlatform {
  static final String DESCRIBE = "describe";
  static final String SCALE = "scale";
  private final Supplier<List<String>> nodeIds;
  private final BusClient bus;

  /** @param nodeIds the ids of the cluster's nodes now (this node's alone when it runs unclustered) */
  ClusterPlatform(Supplier<List<String>> nodeIds, BusClient bus) {
    this.nodeIds = nodeIds;
    this.bus = bus;
  }

  /** Every node as it describes itself; one that does not answer is listed {@code reachable: false}. */
  Future<JsonObject> describe() {
    List<Future<JsonObject>> nodes = nodeIds.get().stream()
        .map(id -> bus.request(Addresses.platformNode(id, DESCRIBE), new JsonObject())
            .otherwise(failure -> new JsonObject().put("id", id).put("reachable", false)))
        .toList();
    return Future.all(nodes).map(all -> new JsonObject().put("nodes",
        new JsonArray(nodes.stream().map(Future::result).toList())));
  }

  Future<JsonObject> scale(String nodeId, String name, int instances) {
    if (!nodeIds.get().contains(nodeId)) {
      return Future.failedFuture(ServiceException.notFound("No node " + nodeId + " in the cluster"));
    }
    return bus.request(Addresses.platformNode(nodeId, SCALE),
        new JsonObject().put("name", name).put("instances", instances));
  }
}
