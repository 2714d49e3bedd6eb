package io.polymart.core.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A gauge that every instance of a verticle on a node sets, such as the backlog of the table they all relay from.
 * A registry keeps the first gauge registered under a name and tags and ignores later ones, so instances that each
 * registered their own value would show only the first instance's, and nothing once it is undeployed; they share
 * one value instead.
 */
public final class NodeGauge {
  private static final Map<MeterRegistry, Map<Meter.Id, NodeGauge>> GAUGES = new WeakHashMap<>();
  private volatile double value = Double.NaN;

  private NodeGauge() {
  }

  /** The value behind gauge {@code name} with {@code tags} in {@code registry}; registers it on first use. */
  public static NodeGauge of(MeterRegistry registry, String name, String description, Tags tags) {
    Meter.Id id = new Meter.Id(name, tags, null, description, Meter.Type.GAUGE);
    Map<Meter.Id, NodeGauge> gauges;
    synchronized (GAUGES) {
      gauges = GAUGES.computeIfAbsent(registry, any -> new ConcurrentHashMap<>());
    }
    return gauges.computeIfAbsent(id, any -> {
      NodeGauge gauge = new NodeGauge();
      Gauge.builder(name, gauge, NodeGauge::value).description(description).tags(tags).strongReference(true)
          .register(registry);
      return gauge;
    });
  }

  public void set(double value) {
    this.value = value;
  }

  public double value() {
    return value;
  }
}
