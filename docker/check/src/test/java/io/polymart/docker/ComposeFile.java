package io.polymart.docker;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code docker/compose.yaml} after Compose's interpolation of {@code ${VAR}} from the env file. */
final class ComposeFile {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$[A-Za-z_{]");
  final JsonObject document;

  private ComposeFile(JsonObject document) {
    this.document = document;
  }

  /**
   * Interpolates every value (not keys, as Compose does); a variable the env file lacks is reported unless it has a
   * default ({@code ${X:-}}), as is a bare {@code $X} (write {@code $$} for a literal dollar).
   */
  static ComposeFile interpolated(String yaml, Map<String, String> envFile, Consumer<String> problems) {
    return new ComposeFile((JsonObject) interpolate(Yaml.one(yaml), envFile, problems));
  }

  private static Object interpolate(Object value, Map<String, String> env, Consumer<String> problems) {
    if (value instanceof JsonObject object) {
      JsonObject result = new JsonObject();
      object.forEach(entry -> result.put(entry.getKey(), interpolate(entry.getValue(), env, problems)));
      return result;
    }
    if (value instanceof JsonArray array) {
      JsonArray result = new JsonArray();
      array.forEach(item -> result.add(interpolate(item, env, problems)));
      return result;
    }
    if (value instanceof String text) {
      Matcher matcher = VARIABLE.matcher(text);
      StringBuilder result = new StringBuilder();
      while (matcher.find()) {
        matcher.appendReplacement(result, Matcher.quoteReplacement(replacement(matcher, text, env, problems)));
      }
      matcher.appendTail(result);
      return result.toString();
    }
    return value;
  }

  private static String replacement(Matcher matcher, String text, Map<String, String> env,
      Consumer<String> problems) {
    if (matcher.group().equals("$$")) {
      return "$";
    }
    String name = matcher.group(1);
    if (name == null) {
      problems.accept("unbraced or malformed variable in '" + text + "'");
      return matcher.group();
    }
    String current = env.get(name);
    boolean set = current != null;
    boolean nonEmpty = set && !current.isEmpty();
    String operator = matcher.group(2) == null ? "" : matcher.group(2);
    String argument = matcher.group(3);
    return switch (operator) {
      case ":-" -> nonEmpty ? current : argument;
      case "-" -> set ? current : argument;
      default -> {
        boolean present = operator.equals(":?") ? nonEmpty : set;
        if (!present) {
          problems.accept("variable " + name + " is not in the env file");
        }
        yield present ? current : "";
      }
    };
  }

  JsonObject services() {
    return document.getJsonObject("services");
  }

  /** A service's {@code environment}, in its map or its list form. */
  static Map<String, String> environment(JsonObject service) {
    Map<String, String> variables = new LinkedHashMap<>();
    Object environment = service.getValue("environment");
    if (environment instanceof JsonObject map) {
      map.forEach(entry -> variables.put(entry.getKey(), entry.getValue() == null ? "" : entry.getValue().toString()));
    } else if (environment instanceof JsonArray list) {
      for (Object item : list) {
        String[] parts = item.toString().split("=", 2);
        variables.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    }
    return variables;
  }

  /** The container side of each published port ({@code "8081:8080"}, {@code "127.0.0.1:9001:9001/tcp"}). */
  static List<Integer> containerPorts(JsonObject service) {
    JsonArray ports = service.getJsonArray("ports", new JsonArray());
    return ports.stream().map(port -> {
      if (port instanceof JsonObject longForm) {
        Object target = longForm.getValue("target");
        return target == null ? -1 : Integer.parseInt(target.toString());
      }
      String[] parts = port.toString().replaceFirst("/.*$", "").split(":");
      return Integer.parseInt(parts[parts.length - 1]);
    }).toList();
  }

  static Map<String, String> envFile(String text) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        String[] parts = trimmed.split("=", 2);
        variables.put(parts[0].trim(), parts.length > 1 ? parts[1].trim() : "");
      }
    }
    return variables;
  }
}
