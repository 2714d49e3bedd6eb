package io.polymart.main;

import io.polymart.core.config.ConfigException;
import io.vertx.core.json.JsonObject;

/**
 * How log lines are written ({@code logging}): {@code format} {@code text} (one readable line each, the default) or
 * {@code json} (one JSON object per line, for a log shipper). Either way a line written while handling a request
 * carries its request id, and the user's id where known.
 */
record LoggingSettings(boolean json) {

  static LoggingSettings from(JsonObject conf) {
    JsonObject logging = conf.getJsonObject("logging");
    Object format = logging == null ? null : logging.getValue("format");
    if (!"text".equals(format) && !"json".equals(format)) {
      throw new ConfigException("Configuration key 'logging.format' must be \"text\" or \"json\", got " + format);
    }
    return new LoggingSettings("json".equals(format));
  }
}
