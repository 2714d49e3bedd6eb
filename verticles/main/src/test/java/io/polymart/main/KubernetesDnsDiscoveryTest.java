package io.polymart.main;

import com.hazelcast.config.Config;
import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigLoader;
import io.polymart.testing.TestBackends;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code cluster.kubernetesServiceDns}: nodes find each other by a DNS lookup, as pods behind a headless Service do.
 * Here the name is {@code localhost}, which resolves to 127.0.0.1 only: the node on 127.0.0.2 can find the one on
 * 127.0.0.1 by nothing but that lookup (both on one port, as pods are).
 */
class KubernetesDnsDiscoveryTest {
  private final List<Vertx> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() throws Exception {
    for (Vertx node : nodes) {
      node.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aNodeJoinsTheOneItsServiceNameResolvesToAndTheEventBusSpansThem() throws Exception {
    int port = TestBackends.freePort();
    String name = "polymart-dns-" + port;
    // Two nodes on one port of one machine, as pods have: each binds its own address rather than all of them.
    Vertx first = start(node(name, "127.0.0.1", port), hazelcast -> hazelcast.setProperty("hazelcast.socket.bind.any", "false"));
    first.eventBus().<String>consumer("dns.test.echo", message -> message.reply("echo " + message.body()))
        .completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    // The loopback interface lists only 127.0.0.1, so Hazelcast's interface matching cannot pick 127.0.0.2 (a pod's
    // address is its interface's): that node is told its bind address instead.
    Vertx second = start(node(name, "127.0.0.2", port),
        hazelcast -> hazelcast.setProperty("hazelcast.socket.bind.any", "false")
            .setProperty("hazelcast.local.localAddress", "127.0.0.2"));

    String reply = second.eventBus().<String>request("dns.test.echo", "hello").map(message -> message.body())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(reply).isEqualTo("echo hello");
  }

  @Test
  void theDiscoveryIsHazelcastsKubernetesDnsLookupOnTheClusterPort() {
    JsonObject config = node("polymart", "10.1.2.3", 5701);
    var join = VertxFactory.hazelcastConfig(ClusterSettings.from(config)).getNetworkConfig().getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperties())
        .containsEntry("service-dns", "localhost").containsEntry("service-port", "5701");
  }

  @Test
  void membersAndAServiceNameExcludeEachOther() {
    JsonObject config = ConfigLoader.load(Optional.empty(), Map.of(
        "POLYMART_CLUSTER_MEMBERS", "10.0.0.11:5701", "POLYMART_CLUSTER_KUBERNETES_SERVICE_DNS", "polymart-hazelcast"));
    assertThatThrownBy(() -> ModuleSettings.check(config)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'cluster.members'").hasMessageContaining("'cluster.kubernetesServiceDns'");
  }

  private Vertx start(JsonObject config, Consumer<Config> adjust) throws Exception {
    ClusterSettings cluster = ClusterSettings.from(config);
    Config hazelcast = VertxFactory.hazelcastConfig(cluster);
    adjust.accept(hazelcast);
    Vertx vertx = VertxFactory.clustered(cluster, hazelcast).toCompletionStage().toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    nodes.add(0, vertx);
    return vertx;
  }

  private static JsonObject node(String clusterName, String host, int port) {
    JsonObject config = ConfigLoader.load(Optional.empty(), Map.of());
    config.getJsonObject("cluster").put("enabled", true).put("name", clusterName).put("host", host).put("port", port)
        .put("members", new JsonArray()).put("kubernetesServiceDns", "localhost");
    return config;
  }
}
