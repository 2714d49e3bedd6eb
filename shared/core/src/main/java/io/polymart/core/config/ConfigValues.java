package io.polymart.core.config;

import io.vertx.core.json.JsonObject;

/** Reading checked values out of the loaded conf, for the {@code XxxSettings} records of the modules. */
public final class ConfigValues {
  private ConfigValues() {
  }

  /** The whole number at the dotted {@code key} ({@code "cart.maxLines"}), or a {@link ConfigException}. */
  public static long inRange(JsonObject config, String key, long min, long max) {
    String[] path = key.split("\\.");
    JsonObject section = config;
    for (int i = 0; i < path.length - 1; i++) {
      section = section.getJsonObject(path[i]);
    }
    long value = section.getLong(path[path.length - 1]);
    if (value < min || value > max) {
      throw new ConfigException("Configuration key '" + key + "' must be between " + min + " and " + max + ", got "
          + value);
    }
    return value;
  }
}
