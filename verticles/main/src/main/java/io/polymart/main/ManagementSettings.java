package io.polymart.main;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigValues;
import io.vertx.core.json.JsonObject;

/**
 * The node's management listener ({@code management}): where {@code GET /metrics} answers (by default only on the
 * loopback interface and never on the public port), and whether metrics are collected at all.
 */
record ManagementSettings(String host, int port, boolean metricsEnabled) {

  static ManagementSettings from(JsonObject conf) {
    JsonObject management = conf.getJsonObject("management");
    if (management == null || management.getJsonObject("metrics") == null) {
      throw new ConfigException("Configuration section 'management.metrics' is missing");
    }
    Object host = management.getValue("host");
    if (!(host instanceof String text) || text.isBlank()) {
      throw new ConfigException("Configuration key 'management.host' must be a host name or address, got " + host);
    }
    Object enabled = management.getJsonObject("metrics").getValue("enabled");
    if (!(enabled instanceof Boolean flag)) {
      throw new ConfigException("Configuration key 'management.metrics.enabled' must be a boolean, got " + enabled);
    }
    return new ManagementSettings(text, (int) ConfigValues.inRange(conf, "management.port", 0, 65_535), flag);
  }
}
