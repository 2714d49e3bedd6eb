package io.polymart.core.health;

import io.polymart.core.bus.Addresses;
import io.polymart.core.bus.BusServer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/**
 * Answers {@code platform.ready} with each backend's state, "ready" only when all are up, and each PostgreSQL read
 * replica's state as the last check found it.
 */
public final class ReadinessVerticle extends VerticleBase {
  private BackendProbes probes;

  @Override
  public Future<?> start() {
    probes = new BackendProbes(vertx, config());
    return new BusServer(vertx)
        .handle(Addresses.PLATFORM_READY, request -> probes.check().map(backends -> {
          boolean allUp = backends.stream().allMatch(entry -> "up".equals(entry.getValue()));
          JsonObject answer = new JsonObject().put("status", allUp ? "ready" : "not ready").put("backends", backends);
          // a replica that is down or behind takes no reads, so it never makes the platform unready
          return probes.hasReplicas() ? answer.put("replicas", probes.replicas()) : answer;
        }))
        .ready();
  }

  @Override
  public Future<?> stop() {
    if (probes != null) {
      probes.close();
    }
    return Future.succeededFuture();
  }
}
