package io.polymart.main.node;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.polymart.core.metrics.Meters;
import io.vertx.core.Vertx;

import java.util.HashMap;
import java.util.Map;

/**
 * The requests each verticle handled per second on this node over the last interval, read from the node's meters:
 * the event-bus requests a domain verticle answered ({@code polymart.bus.requests}, by the address's first part) and
 * the gateway's HTTP requests ({@code polymart.http.server.requests}). Unknown (null) when metrics are off.
 */
final class VerticleLoad {
  static final long INTERVAL_MILLIS = 5_000;
  private final Vertx vertx;
  private final MeterRegistry registry;
  private Map<String, Long> lastCounts = Map.of();
  private long lastSampledNanos = System.nanoTime();
  private volatile Map<String, Double> perSecond = Map.of();
  private long timer = -1;

  VerticleLoad(Vertx vertx, MeterRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
  }

  void start() {
    if (Meters.recording(registry)) {
      lastCounts = counts();
      timer = vertx.setPeriodic(INTERVAL_MILLIS, any -> sample());
    }
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  /** Requests per second of {@code verticle} (its conf name), or null when metrics are off. */
  Double perSecond(String verticle) {
    return timer == -1 ? null : perSecond.getOrDefault(verticle, 0.0);
  }

  private void sample() {
    long now = System.nanoTime();
    Map<String, Long> counts = counts();
    double seconds = (now - lastSampledNanos) / 1e9;
    Map<String, Double> rates = new HashMap<>();
    counts.forEach((verticle, count) ->
        rates.put(verticle, Math.round((count - lastCounts.getOrDefault(verticle, 0L)) / seconds * 10) / 10.0));
    perSecond = rates;
    lastCounts = counts;
    lastSampledNanos = now;
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new HashMap<>();
    for (Timer timer : registry.find("polymart.bus.requests").timers()) {
      String address = timer.getId().getTag("address");
      counts.merge(address.substring(0, Math.max(0, address.indexOf('.'))), timer.count(), Long::sum);
    }
    for (Timer timer : registry.find("polymart.http.server.requests").timers()) {
      counts.merge(NodeVerticles.GATEWAY, timer.count(), Long::sum);
    }
    return counts;
  }
}
