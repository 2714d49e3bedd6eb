package io.polymart.docker;

import io.polymart.core.config.ConfigLoader;
import io.polymart.core.config.ConfigRules;
import io.polymart.main.ModuleSettings;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The conf a container would start with, built by the platform's own loader: bundled defaults, then the image's
 * {@code --conf} file, then the {@code POLYMART_*} variables. An unknown variable or an ill-typed value fails there
 * exactly as it would stop the jar, and so does a production rule (secret length, every backend address) or a
 * module's own check ({@link ModuleSettings}, as {@code Main} runs them).
 */
final class PolymartConf {
  private PolymartConf() {
  }

  /** The effective conf, or a {@code ConfigException} naming the key or variable at fault. */
  static JsonObject load(Path confFile, Map<String, String> variables) {
    return ModuleSettings.check(ConfigRules.check(loadUnchecked(confFile, variables)));
  }

  /** As {@link #load}, without the production rules: what an image holds before a deployment gives it backends. */
  static JsonObject loadUnchecked(Path confFile, Map<String, String> variables) {
    Map<String, String> polymart = new TreeMap<>();
    variables.forEach((name, value) -> {
      if (name.startsWith(ConfigLoader.ENV_PREFIX)) {
        polymart.put(name, value);
      }
    });
    return ConfigLoader.load(Optional.of(confFile), polymart);
  }

  static int httpPort(JsonObject conf) {
    return conf.getJsonObject("http").getInteger("port");
  }

  static int clusterPort(JsonObject conf) {
    return conf.getJsonObject("cluster").getInteger("port");
  }
}
