package io.polymart.main;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.Match;
import io.vertx.micrometer.MatchType;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * What a node measures: Vert.x's own metrics (HTTP server by route, event bus by address, the SQL and Redis pools,
 * Kafka clients) and the JVM's, in a Prometheus registry of this node's own (several nodes may share a JVM in tests).
 */
final class NodeMetrics {
  private NodeMetrics() {
  }

  /** Response-time buckets of the HTTP server's histogram: enough for a p95 per route against a target. */
  private static final Duration[] RESPONSE_TIME_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500)};

  /** A registry name no other Vert.x in this JVM uses. */
  static String newRegistryName() {
    return "polymart-" + UUID.randomUUID();
  }

  /**
   * Shapes the registry before the first meter: no byte-count meters (every request and bus message updated several,
   * with a windowed maximum each, for numbers nobody alerts on), and a histogram of the HTTP server's response
   * time with a handful of buckets. Measured with {@code bench/metrics-cost}.
   */
  static void shape(String registryName) {
    BackendRegistries.getNow(registryName).config()
        .meterFilter(MeterFilter.deny(NodeMetrics::countsBytes))
        .meterFilter(new MeterFilter() {
          @Override
          public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (!"vertx.http.server.response.time".equals(id.getName())) {
              return config;
            }
            return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(java.util.Arrays.stream(RESPONSE_TIME_BUCKETS)
                    .mapToDouble(bucket -> bucket.toNanos()).toArray())
                .build().merge(config);
          }
        });
  }

  private static boolean countsBytes(Meter.Id id) {
    String name = id.getName();
    return name.startsWith("vertx.") && (name.endsWith(".bytes") || name.contains(".bytes."));
  }

  static MicrometerMetricsOptions options(String registryName) {
    return new MicrometerMetricsOptions().setEnabled(true).setRegistryName(registryName)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        // the route is the template ("/api/v1/products/:id"), never the path: a bounded set of series
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.EB_ADDRESS, Label.EB_SIDE,
            Label.EB_FAILURE, Label.POOL_TYPE, Label.POOL_NAME))
        // one series for all users' live-update addresses, not one per user
        .setLabelMatches(List.of(new Match().setDomain(MetricsDomain.EVENT_BUS).setLabel(Label.EB_ADDRESS.toString())
            .setType(MatchType.REGEX).setValue("user\\.events\\..+").setAlias("user.events.*")));
  }
}
