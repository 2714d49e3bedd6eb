package io.polymart.core.health;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/** Answers {@code platform.ready} with each backend's state; "ready" only when all are up. */
public final class ReadinessVerticle extends VerticleBase {
  private BackendProbes probes;

  @Override
  public Future<?> start() {
    probes = new BackendProbes(vertx, config());
    return vertx.eventBus().<JsonObject>consumer(Addresses.PLATFORM_READY, message -> probes.check()
        .onSuccess(backends -> {
          boolean allUp = backends.stream().allMatch(entry -> "up".equals(entry.getValue()));
          message.reply(new JsonObject().put("status", allUp ? "ready" : "not ready").put("backends", backends));
        })).completion();
  }

  @Override
  public Future<?> stop() {
    if (probes != null) {
      probes.close();
    }
    return Future.succeededFuture();
  }
}
