package io.polymart.core.config;

import io.polymart.core.client.BusSettings;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Checks on values that a type alone cannot express; run after loading, before anything starts. */
public final class ConfigRules {
  public static final String MODE_LOCAL = "local";
  public static final String MODE_PRODUCTION = "production";
  private static final int MIN_SECRET_LENGTH = 32;

  private ConfigRules() {
  }

  public static JsonObject check(JsonObject config) {
    String mode = config.getString("mode");
    if (!List.of(MODE_LOCAL, MODE_PRODUCTION).contains(mode)) {
      throw new ConfigException("Configuration key 'mode' must be 'local' or 'production', got '" + mode + "'");
    }
    String currency = config.getString("currency");
    if (!currency.matches("[A-Z]{3}")) {
      throw new ConfigException("Configuration key 'currency' must be an ISO 4217 code such as USD, got '" + currency
          + "'");
    }
    requireRange(config, "http", "port", 0, 65535);
    requireRange(config, "http", "maxBodyBytes", 1, 64L * 1024 * 1024);
    requireRange(config.getJsonObject("http"), "ws", "authTimeoutSeconds", 1, 300, "http.");
    requireRange(config.getJsonObject("http"), "ws", "heartbeatSeconds", 1, 3600, "http.");
    BusSettings.from(config);
    requireRange(config, "pg", "poolSize", 1, 1000);
    requireRange(config, "pg", "maxReplicaLagSeconds", 1, 3600);
    requireRange(config, "pg", "readYourWritesSeconds", 1, 3600);
    if (config.getJsonObject("pg").getInteger("readYourWritesSeconds")
        <= config.getJsonObject("pg").getInteger("maxReplicaLagSeconds")) {
      // a replica that takes reads may be this far behind (plus the second between two checks)
      throw new ConfigException("Configuration key 'pg.readYourWritesSeconds' must be greater than"
          + " 'pg.maxReplicaLagSeconds', or a user's own writes may be missing from what they read next");
    }
    String socketDirectory = config.getJsonObject("pg").getString("socketDirectory");
    if (!socketDirectory.isEmpty() && !socketDirectory.startsWith("/")) {
      // vertx-pg-client takes a host beginning with a slash for a socket's directory, anything else for a host name
      throw new ConfigException("Configuration key 'pg.socketDirectory' must be an absolute path, got '"
          + socketDirectory + "'");
    }
    requireRange(config, "pg", "embeddedReplicas", 0, 3);
    if (config.getJsonObject("pg").getInteger("embeddedReplicas") > 0
        && !config.getJsonObject("pg").getString("url").isBlank()) {
      throw new ConfigException("Configuration key 'pg.embeddedReplicas' replicates the embedded PostgreSQL: leave"
          + " 'pg.url' empty, or list the replicas of your server in 'pg.replicaUrls'");
    }
    requireRange(config, "jwt", "accessTokenMinutes", 1, 24 * 60);
    requireRange(config, "jwt", "refreshTokenDays", 1, 365);
    for (String verticle : config.getJsonObject("verticles").fieldNames()) {
      requireRange(config.getJsonObject("verticles"), verticle, "instances", 0, 256, "verticles.");
    }
    requireRange(config, "cluster", "port", 1, 65535);
    boolean clustered = config.getJsonObject("cluster").getBoolean("enabled");
    boolean production = MODE_PRODUCTION.equals(mode);
    if (production || clustered) {
      String reason = production ? "in production mode (embedded backends and generated keys are for local mode only)"
          : "when cluster.enabled is true (every node must share it)";
      if (config.getJsonObject("jwt").getString("secret").length() < MIN_SECRET_LENGTH) {
        throw new ConfigException("Configuration key 'jwt.secret' is required " + reason + ", at least "
            + MIN_SECRET_LENGTH + " characters");
      }
      requireSet(config, "pg", "url", reason);
      requireSet(config, "redis", "url", reason);
      requireSet(config, "kafka", "bootstrapServers", reason);
      requireSet(config, "mongo", "url", reason);
      requireSet(config, "s3", "endpoint", reason);
    }
    return config;
  }

  private static void requireSet(JsonObject config, String section, String key, String reason) {
    if (config.getJsonObject(section).getString(key).isBlank()) {
      throw new ConfigException("Configuration key '" + section + "." + key + "' is required " + reason);
    }
  }

  private static void requireRange(JsonObject config, String section, String key, long min, long max) {
    requireRange(config, section, key, min, max, "");
  }

  private static void requireRange(JsonObject config, String section, String key, long min, long max,
      String prefix) {
    long value = config.getJsonObject(section).getLong(key);
    if (value < min || value > max) {
      throw new ConfigException("Configuration key '" + prefix + section + "." + key + "' must be between "
          + min + " and " + max + ", got " + value);
    }
  }
}
