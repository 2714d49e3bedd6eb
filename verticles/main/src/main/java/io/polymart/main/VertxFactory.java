package io.polymart.main;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * A plain Vert.x, or with {@code cluster.enabled} one that joins the other nodes through Hazelcast
 * (TCP/IP discovery of {@code cluster.members}, no multicast) so the event bus spans them all.
 */
final class VertxFactory {
  private VertxFactory() {
  }

  static Future<Vertx> create(JsonObject config) {
    JsonObject cluster = config.getJsonObject("cluster");
    if (!cluster.getBoolean("enabled")) {
      return Future.succeededFuture(Vertx.vertx());
    }
    String host = cluster.getString("host");
    Config hazelcast = ConfigUtil.loadConfig()
        .setClusterName(cluster.getString("name"))
        .setProperty("hazelcast.logging.type", "slf4j")
        .setProperty("hazelcast.phone.home.enabled", "false")
        .setProperty("hazelcast.shutdownhook.enabled", "false")
        // members are listed explicitly, so there is nothing to wait for before joining them
        .setProperty("hazelcast.wait.seconds.before.join", "1");
    NetworkConfig network = hazelcast.getNetworkConfig()
        .setPort(cluster.getInteger("port"))
        .setPortAutoIncrement(false)
        .setPublicAddress(host + ":" + cluster.getInteger("port"));
    network.getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    cluster.getJsonArray("members").forEach(member -> join.getTcpIpConfig().addMember((String) member));
    VertxOptions options = new VertxOptions()
        .setEventBusOptions(new EventBusOptions().setHost(host).setClusterPublicHost(host));
    return Vertx.builder()
        .with(options)
        .withClusterManager(new HazelcastClusterManager(hazelcast))
        .buildClustered();
  }
}
