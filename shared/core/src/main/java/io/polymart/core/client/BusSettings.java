package io.polymart.core.client;

import io.polymart.core.config.ConfigException;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/** The one timeout policy of calls between verticles: {@code bus.timeoutSeconds}. */
public record BusSettings(Duration timeout) {
  static final int MIN_TIMEOUT_SECONDS = 1;
  static final int MAX_TIMEOUT_SECONDS = 300;

  public static BusSettings from(JsonObject config) {
    long seconds = config.getJsonObject("bus").getLong("timeoutSeconds");
    if (seconds < MIN_TIMEOUT_SECONDS || seconds > MAX_TIMEOUT_SECONDS) {
      throw new ConfigException("Configuration key 'bus.timeoutSeconds' must be between " + MIN_TIMEOUT_SECONDS
          + " and " + MAX_TIMEOUT_SECONDS + ", got " + seconds);
    }
    return new BusSettings(Duration.ofSeconds(seconds));
  }
}
