package io.polymart.main;

import io.polymart.core.config.ConfigException;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The {@code cluster} conf section. Nodes find each other either by the fixed {@code members} list (TCP/IP) or, on
 * Kubernetes, by {@code kubernetesServiceDns}: the name of a headless Service whose DNS answer lists every pod.
 */
record ClusterSettings(boolean enabled, String name, String host, int port, List<String> members,
    String kubernetesServiceDns) {

  static ClusterSettings from(JsonObject config) {
    JsonObject cluster = config.getJsonObject("cluster");
    ClusterSettings settings = new ClusterSettings(cluster.getBoolean("enabled"), cluster.getString("name"),
        cluster.getString("host"), cluster.getInteger("port"),
        cluster.getJsonArray("members").stream().map(String.class::cast).toList(),
        cluster.getString("kubernetesServiceDns").trim());
    if (settings.discoversByDns() && !settings.members().isEmpty()) {
      throw new ConfigException("Configuration keys 'cluster.members' and 'cluster.kubernetesServiceDns' exclude each"
          + " other: list the members or name the headless Service, not both");
    }
    return settings;
  }

  boolean discoversByDns() {
    return !kubernetesServiceDns.isEmpty();
  }
}
