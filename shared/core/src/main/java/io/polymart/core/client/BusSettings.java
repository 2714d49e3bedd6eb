package io.polymart.core.client;

import io.polymart.core.config.ConfigValues;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/** The one timeout policy of calls between verticles: {@code bus.timeoutSeconds}. */
public record BusSettings(Duration timeout) {
  public static BusSettings from(JsonObject config) {
    return new BusSettings(Duration.ofSeconds(ConfigValues.inRange(config, "bus.timeoutSeconds", 1, 300)));
  }
}
