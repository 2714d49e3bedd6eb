package io.polymart.core.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the effective configuration: bundled defaults &lt; the file given with {@code --conf} &lt;
 * {@code POLYMART_*} environment variables. The bundled defaults define every key and its type;
 * anything else is rejected with a message naming the key.
 */
public final class ConfigLoader {
  public static final String DEFAULTS_RESOURCE = "conf/polymart.json";
  public static final String ENV_PREFIX = "POLYMART_";

  private ConfigLoader() {
  }

  public static JsonObject load(Optional<Path> confFile, Map<String, String> env) {
    JsonObject config = defaults();
    confFile.ifPresent(file -> mergeStrict(config, readFile(file), "", file.toString()));
    applyEnvironment(config, env);
    return config;
  }

  public static JsonObject defaults() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Bundled " + DEFAULTS_RESOURCE + " is missing from the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read bundled " + DEFAULTS_RESOURCE, e);
    }
  }

  /** The environment variable for a dotted key: {@code http.maxBodyBytes -> POLYMART_HTTP_MAX_BODY_BYTES}. */
  public static String envName(String dottedKey) {
    String snake = dottedKey.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_');
    return ENV_PREFIX + snake.toUpperCase();
  }

  private static JsonObject readFile(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
    } catch (DecodeException e) {
      throw new ConfigException("Configuration file " + file + " is not valid JSON: " + e.getMessage());
    }
  }

  private static void mergeStrict(JsonObject target, JsonObject overrides, String prefix, String source) {
    for (Map.Entry<String, Object> entry : overrides) {
      String key = prefix + entry.getKey();
      if (!target.containsKey(entry.getKey())) {
        throw new ConfigException("Unknown configuration key '" + key + "' in " + source);
      }
      Object current = target.getValue(entry.getKey());
      Object value = entry.getValue();
      if (current instanceof JsonObject nested) {
        if (!(value instanceof JsonObject nestedOverride)) {
          throw new ConfigException("Configuration key '" + key + "' in " + source + " must be an object");
        }
        mergeStrict(nested, nestedOverride, key + ".", source);
      } else {
        target.put(entry.getKey(), checkType(key, current, value, source));
      }
    }
  }

  private static Object checkType(String key, Object expected, Object value, String source) {
    String problem = null;
    if (expected instanceof Boolean && !(value instanceof Boolean)) {
      problem = "a boolean";
    } else if (expected instanceof Number && isWhole(expected)
        && !(value instanceof Number number && isWhole(number))) {
      problem = "a whole number";
    } else if (expected instanceof Number && !(value instanceof Number)) {
      problem = "a number";
    } else if (expected instanceof String && !(value instanceof String)) {
      problem = "a string";
    } else if (expected instanceof JsonArray && !(value instanceof JsonArray array && allStrings(array))) {
      problem = "an array of strings";
    }
    if (problem != null) {
      throw new ConfigException("Configuration key '" + key + "' in " + source + " must be " + problem
          + ", got " + value);
    }
    return value;
  }

  private static boolean isWhole(Object number) {
    return number instanceof Integer || number instanceof Long;
  }

  private static boolean allStrings(JsonArray array) {
    return array.stream().allMatch(String.class::isInstance);
  }

  private static void applyEnvironment(JsonObject config, Map<String, String> env) {
    Map<String, String> known = new java.util.HashMap<>();
    collectLeaves(config, "", known);
    for (Map.Entry<String, String> variable : env.entrySet()) {
      if (!variable.getKey().startsWith(ENV_PREFIX)) {
        continue;
      }
      String dottedKey = known.get(variable.getKey());
      if (dottedKey == null) {
        throw new ConfigException("Unknown configuration environment variable " + variable.getKey());
      }
      setLeaf(config, dottedKey, parseEnv(dottedKey, variable.getKey(), leaf(config, dottedKey), variable.getValue()));
    }
  }

  private static void collectLeaves(JsonObject object, String prefix, Map<String, String> envToKey) {
    for (Map.Entry<String, Object> entry : object) {
      String key = prefix + entry.getKey();
      if (entry.getValue() instanceof JsonObject nested) {
        collectLeaves(nested, key + ".", envToKey);
      } else {
        envToKey.put(envName(key), key);
      }
    }
  }

  private static Object parseEnv(String key, String variable, Object expected, String raw) {
    String source = "environment variable " + variable;
    String text = raw.trim();
    try {
      if (expected instanceof Boolean) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          throw new NumberFormatException();
        }
        return Boolean.parseBoolean(text);
      }
      if (expected instanceof Integer || expected instanceof Long) {
        return Long.parseLong(text);
      }
      if (expected instanceof Number) {
        return Double.parseDouble(text);
      }
    } catch (NumberFormatException e) {
      throw new ConfigException("Configuration key '" + key + "' from " + source + " must be a "
          + (expected instanceof Boolean ? "boolean" : "number") + ", got '" + raw + "'");
    }
    if (expected instanceof JsonArray) {
      JsonArray values = new JsonArray();
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
      return values;
    }
    return raw;
  }

  private static Object leaf(JsonObject config, String dottedKey) {
    String[] parts = dottedKey.split("\\.");
    JsonObject node = config;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.getJsonObject(parts[i]);
    }
    return node.getValue(parts[parts.length - 1]);
  }

  private static void setLeaf(JsonObject config, String dottedKey, Object value) {
    String[] parts = dottedKey.split("\\.");
    JsonObject node = config;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.getJsonObject(parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }
}
