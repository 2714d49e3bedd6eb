package io.polymart.orders;

import io.polymart.core.config.ConfigException;
import io.vertx.core.json.JsonObject;

/** A whole-number conf value within its range, or a {@link ConfigException} naming the key. */
final class ConfigRange {
  private ConfigRange() {
  }

  /** {@code prefix} is the path to {@code object}, e.g. {@code "orders.outbox."}. */
  static long require(JsonObject object, String key, String prefix, long min, long max) {
    long value = object.getLong(key);
    if (value < min || value > max) {
      throw new ConfigException("Configuration key '" + prefix + key + "' must be between " + min + " and " + max
          + ", got " + value);
    }
    return value;
  }
}
