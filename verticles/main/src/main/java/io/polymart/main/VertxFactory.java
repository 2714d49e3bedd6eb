package io.polymart.main;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * A plain Vert.x, or with {@code cluster.enabled} one that joins the other nodes through Hazelcast so the event bus
 * spans them all: TCP/IP discovery of {@code cluster.members}, or the addresses a DNS lookup of
 * {@code cluster.kubernetesServiceDns} gives (a headless Service), each on {@code cluster.port}; never multicast.
 */
final class VertxFactory {
  private VertxFactory() {
  }

  /**
   * @param metrics what the node measures ({@link NodeMetrics#options}), or null for nothing
   *     ({@code management.metrics.enabled} false)
   * @param registry where it is measured ({@link NodeMetrics#newRegistry}), when {@code metrics} is given
   * @param tracer the node's tracing ({@link NodeTracing}), or null for none
   */
  static Future<Vertx> create(JsonObject config, MetricsOptions metrics, MeterRegistry registry,
      VertxTracerFactory tracer) {
    ClusterSettings cluster = ClusterSettings.from(config);
    if (!cluster.enabled()) {
      return Future.succeededFuture(builder(new VertxOptions(), metrics, registry, tracer).build());
    }
    return clustered(cluster, hazelcastConfig(cluster), metrics, registry, tracer);
  }

  static Future<Vertx> clustered(ClusterSettings cluster, Config hazelcast) {
    return clustered(cluster, hazelcast, null, null, null);
  }

  static Future<Vertx> clustered(ClusterSettings cluster, Config hazelcast, MetricsOptions metrics,
      MeterRegistry registry, VertxTracerFactory tracer) {
    String host = cluster.host();
    VertxOptions options = new VertxOptions()
        .setEventBusOptions(new EventBusOptions().setHost(host).setClusterPublicHost(host));
    return builder(options, metrics, registry, tracer)
        .withClusterManager(new HazelcastClusterManager(hazelcast))
        .buildClustered();
  }

  private static VertxBuilder builder(VertxOptions options, MetricsOptions metrics, MeterRegistry registry,
      VertxTracerFactory tracer) {
    // Netty's native epoll transport where the jar has it (Linux x86-64), NIO elsewhere: fewer system calls and less
    // CPU per request (README, Performance)
    options.setPreferNativeTransport(true);
    // one event loop per core, not Vert.x's two: with a verticle's instances one per core (the default), every loop
    // then has an instance of each, and a request between verticles stays on its loop (SameLoopAddresses; README,
    // Performance)
    options.setEventLoopPoolSize(Runtime.getRuntime().availableProcessors());
    VertxBuilder builder = Vertx.builder();
    if (metrics != null) {
      builder.with(options.setMetricsOptions(metrics)).withMetrics(new NodeMetricsFactory(registry));
    } else {
      builder.with(options);
    }
    return tracer == null ? builder : builder.withTracer(tracer);
  }

  static Config hazelcastConfig(ClusterSettings cluster) {
    String host = cluster.host();
    Config hazelcast = ConfigUtil.loadConfig()
        .setClusterName(cluster.name())
        .setProperty("hazelcast.logging.type", "slf4j")
        .setProperty("hazelcast.phone.home.enabled", "false")
        .setProperty("hazelcast.shutdownhook.enabled", "false")
        // members are listed or looked up, so there is nothing to wait for before joining them
        .setProperty("hazelcast.wait.seconds.before.join", "1");
    NetworkConfig network = hazelcast.getNetworkConfig()
        .setPort(cluster.port())
        .setPortAutoIncrement(false)
        .setPublicAddress(host + ":" + cluster.port());
    network.getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (cluster.discoversByDns()) {
      // Hazelcast's built-in Kubernetes discovery in its DNS lookup mode: no access to the Kubernetes API needed
      join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", cluster.kubernetesServiceDns())
          .setProperty("service-port", String.valueOf(cluster.port()));
    } else {
      join.getTcpIpConfig().setEnabled(true);
      cluster.members().forEach(member -> join.getTcpIpConfig().addMember(member));
    }
    return hazelcast;
  }
}
