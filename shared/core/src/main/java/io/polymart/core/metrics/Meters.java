package io.polymart.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * Where a verticle records its own meters: the node's registry, which the platform names in the verticle's conf
 * ({@code management.registryName}) when metrics are on. Without one, a registry that records nothing, so code
 * counts unconditionally.
 */
public final class Meters {
  private Meters() {
  }

  public static MeterRegistry registry(JsonObject config) {
    JsonObject management = config == null ? null : config.getJsonObject("management");
    String name = management == null ? null : management.getString("registryName");
    MeterRegistry registry = name == null ? null : BackendRegistries.getNow(name);
    // a composite without members hands out no-op meters
    return registry != null ? registry : new CompositeMeterRegistry();
  }

  /** Whether meters in {@code registry} reach anyone (false for the stand-in of a node without metrics). */
  public static boolean recording(MeterRegistry registry) {
    return !(registry instanceof CompositeMeterRegistry composite && composite.getRegistries().isEmpty());
  }
}
