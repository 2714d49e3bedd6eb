package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Request-body JSON Schemas from {@code schemas/json/<name>.json}, loaded once and validated before forwarding. */
final class BodySchemas {
  /** Keywords that only report that something beneath them failed; the leaf error says what. */
  private static final Set<String> WRAPPER_KEYWORDS = Set.of("properties", "items", "prefixItems", "allOf", "anyOf",
      "oneOf", "$ref", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "contains", "not");
  /** Errors about the object itself name the property in their message: {@code ... property "email"}. */
  private static final Pattern NAMED_PROPERTY = Pattern.compile("[Pp]roperty \"([^\"]+)\"");
  private final Map<String, Validator> validators = new HashMap<>();

  BodySchemas(Iterable<String> names) {
    JsonSchemaOptions options = new JsonSchemaOptions()
        .setDraft(Draft.DRAFT202012)
        .setBaseUri("https://polymart.io/schemas/")
        .setOutputFormat(OutputFormat.Basic);
    for (String name : names) {
      validators.put(name, Validator.create(JsonSchema.of(load(name)), options));
    }
  }

  /** Throws a 400 naming each failing field once, with the most specific reason. */
  void validate(String name, JsonObject body) {
    OutputUnit result = validators.get(name).validate(body);
    if (result.getValid()) {
      return;
    }
    List<OutputUnit> errors = result.getErrors() == null || result.getErrors().isEmpty()
        ? List.of(result) : result.getErrors();
    Map<String, String> leaves = new LinkedHashMap<>();
    List<String> extras = new ArrayList<>();
    for (OutputUnit error : errors) {
      String keyword = lastSegment(error.getKeywordLocation());
      if (keyword.equals("additionalProperties")) {
        extras.add(field(error));
      } else if (!WRAPPER_KEYWORDS.contains(keyword)) {
        leaves.putIfAbsent(field(error), error.getError());
      }
    }
    // The validator also blames additionalProperties for declared properties that failed; only truly extra ones count.
    for (String extra : extras) {
      if (leaves.keySet().stream().noneMatch(field -> field.equals(extra) || field.startsWith(extra + "."))) {
        leaves.putIfAbsent(extra, "is not an allowed property");
      }
    }
    JsonArray details = new JsonArray();
    leaves.forEach((field, message) -> details.add(ServiceException.fieldError(field, message)));
    throw ServiceException.badRequest("Request body does not match the schema", details);
  }

  private static String lastSegment(String keywordLocation) {
    if (keywordLocation == null) {
      return "";
    }
    return keywordLocation.substring(keywordLocation.lastIndexOf('/') + 1);
  }

  private static String field(OutputUnit error) {
    String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation();
    String field = location.replaceFirst("^#?/?", "").replace('/', '.');
    String message = error.getError() == null ? "" : error.getError();
    if (field.isEmpty()) {
      Matcher property = NAMED_PROPERTY.matcher(message);
      if (property.find()) {
        return property.group(1);
      }
    }
    return field;
  }

  private static JsonObject load(String name) {
    String resource = "schemas/json/" + name + ".json";
    try (InputStream in = BodySchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing request schema " + resource);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource, e);
    }
  }
}
