package io.polymart.main;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.polymart.core.bus.SameLoopAddresses;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a node measures: Vert.x's own metrics (event bus by address, the SQL and Redis pools, clients) and the JVM's,
 * in a Prometheus registry of this node's own (several nodes may share a JVM in tests); the gateway adds its
 * requests by route. Verticles find the registry by the name the platform puts in their conf
 * ({@code management.registryName}).
 */
final class NodeMetrics {
  private static final Path PROC_STATUS = Path.of("/proc/self/status");
  private NodeMetrics() {
  }

  /**
   * The address the event bus's meters count a message or handler under: every user's {@code user.events.<id>} as
   * one, not one series per user, and a handler's same-loop addresses ({@link SameLoopAddresses}) as its address.
   * {@link NodeMetricsFactory} names them so before Vert.x looks their meters up.
   */
  static String countedAddress(String address) {
    return address.startsWith("user.events.") ? "user.events.*" : SameLoopAddresses.addressOf(address);
  }

  /** A registry name no other Vert.x in this JVM uses. */
  static String newRegistryName() {
    return "polymart-" + UUID.randomUUID();
  }

  /**
   * The node's registry, shaped before Vert.x registers its first meter in it ({@link VertxFactory}): no byte-count
   * meters (every bus message updated them, with a windowed maximum each, for numbers nobody alerts on), and the
   * process's resident memory.
   */
  static MeterRegistry newRegistry() {
    MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(MeterFilter.deny(NodeMetrics::countsBytes));
    if (Files.isReadable(PROC_STATUS)) {
      Gauge.builder("process.resident.memory", NodeMetrics::residentBytes).baseUnit("bytes")
          .description("Resident set size of this JVM's process (heap, metaspace, code, threads, buffers)")
          .register(registry);
    }
    return registry;
  }

  /** VmRSS from {@code /proc/self/status}, read at each scrape; NaN if it cannot be read. */
  private static double residentBytes() {
    try (Stream<String> lines = Files.lines(PROC_STATUS)) {
      return lines.filter(line -> line.startsWith("VmRSS:")).findFirst()
          .map(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024).orElse(Double.NaN);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static boolean countsBytes(Meter.Id id) {
    String name = id.getName();
    return name.startsWith("vertx.") && (name.endsWith(".bytes") || name.contains(".bytes."));
  }

  /** Vert.x's metrics, in the registry of {@link #newRegistry}, found by verticles under {@code registryName}. */
  static MicrometerMetricsOptions options(String registryName) {
    return new MicrometerMetricsOptions().setEnabled(true).setRegistryName(registryName)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        // Vert.x's HTTP server metrics cost 6.6 % of a cached product page (tags built and meters looked up several
        // times per request); the gateway times its requests itself, per route and status class (HttpMetrics)
        .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
        .setLabels(EnumSet.of(Label.EB_ADDRESS, Label.EB_SIDE, Label.EB_FAILURE, Label.POOL_TYPE, Label.POOL_NAME));
  }
}
