package io.polymart.main;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAPI 3.0 copy of the 3.1 contract, for Tcases 4.1 (its parser fails on 3.1 documents). The copy may only
 * drop constraints, never add one: a request Tcases marks valid may then be refused (that is allowed), but a request
 * it marks invalid is invalid under the real contract too, so a 2xx to it is a real defect.
 * <ul>
 *   <li>the request-body schemas of {@code schemas/json/} are moved into {@code components/schemas} (with their
 *   {@code $defs}), so the copy is one self-contained document;</li>
 *   <li>{@code type: [T, 'null']} becomes {@code type: T, nullable: true};</li>
 *   <li>schema {@code examples} (a list) becomes {@code example} (its first);</li>
 *   <li>the members of {@code anyOf}, {@code oneOf} and {@code allOf} state their parent's {@code type};</li>
 *   <li>{@code maxItems} and {@code maxProperties} above 20 and {@code maxLength} above 1000 are dropped;</li>
 *   <li>keywords 3.0 does not have ({@code propertyNames}, {@code dependentSchemas}, {@code $schema}, {@code $id},
 *   {@code $comment}) are dropped.</li>
 * </ul>
 */
final class OpenApi30Copy {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FILE_REF = Pattern.compile("json/([a-z0-9-]+)\\.json");
  private static final List<String> DROPPED = List.of("propertyNames", "dependentSchemas", "$schema", "$id",
      "$comment", "unevaluatedProperties");

  /**
   * Larger bounds are dropped: Tcases builds values at a bound, and lists of 100 objects of lists of 100 objects
   * took it minutes to build (and make bodies far past the body limit).
   */
  private static final int MAX_ITEMS = 20;
  private static final int MAX_LENGTH = 1000;

  private OpenApi30Copy() {
  }

  /** The 3.0 copy of {@code schemas/openapi.yaml}, as JSON text. */
  static String document() {
    ObjectNode doc = (ObjectNode) read(YAML, "schemas/openapi.yaml");
    doc.put("openapi", "3.0.3");
    ObjectNode schemas = (ObjectNode) doc.path("components").path("schemas");
    List<String> files = new ArrayList<>();
    collectFileRefs(doc, files);
    for (int i = 0; i < files.size(); i++) {
      String file = files.get(i);
      ObjectNode schema = (ObjectNode) read(JSON, "schemas/json/" + file + ".json");
      JsonNode defs = schema.remove("$defs");
      rewriteRefs(schema, file);
      schemas.set(componentName(file, null), schema);
      if (defs != null) {
        rewriteRefs(defs, file);
        defs.fields().forEachRemaining(def -> schemas.set(componentName(file, def.getKey()), def.getValue()));
      }
      collectFileRefs(schema, files);
    }
    toOpenApi30(doc);
    try {
      return JSON.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String componentName(String file, String def) {
    return "Json-" + file + (def == null ? "" : "-" + def);
  }

  private static void collectFileRefs(JsonNode node, List<String> files) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        Matcher file = FILE_REF.matcher(ref.asText());
        if (file.matches() && !files.contains(file.group(1))) {
          files.add(file.group(1));
        }
      }
    }
    node.elements().forEachRemaining(child -> collectFileRefs(child, files));
  }

  /** A file's {@code #/$defs/x} now live in the components. */
  private static void rewriteRefs(JsonNode node, String file) {
    if (node instanceof ObjectNode object && object.path("$ref").isTextual()) {
      String ref = object.get("$ref").asText();
      if (ref.startsWith("#/$defs/")) {
        object.put("$ref", "#/components/schemas/" + componentName(file, ref.substring("#/$defs/".length())));
      }
    }
    node.elements().forEachRemaining(child -> rewriteRefs(child, file));
  }

  private static void toOpenApi30(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual()) {
        Matcher file = FILE_REF.matcher(ref.asText());
        if (file.matches()) {
          object.put("$ref", "#/components/schemas/" + componentName(file.group(1), null));
        }
      }
      if (object.get("type") instanceof ArrayNode types) {
        String type = null;
        for (JsonNode t : types) {
          if (t.asText().equals("null")) {
            object.put("nullable", true);
          } else {
            type = t.asText();
          }
        }
        if (type == null) {
          object.remove("type");
        } else {
          object.put("type", type);
        }
      }
      if (object.get("examples") instanceof ArrayNode examples) {
        object.remove("examples");
        if (!examples.isEmpty()) {
          object.set("example", examples.get(0));
        }
      }
      object.remove(DROPPED);
      dropLargeBound(object, "maxItems", MAX_ITEMS);
      dropLargeBound(object, "maxProperties", MAX_ITEMS);
      dropLargeBound(object, "maxLength", MAX_LENGTH);
      if (object.path("type").isTextual()) {
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
          // Tcases guesses a member's type from its keywords (minimum: number) unless told: state the one it has
          object.path(combinator).forEach(member -> {
            if (member instanceof ObjectNode m && !m.has("type") && !m.has("$ref")) {
              m.set("type", object.get("type"));
            }
          });
        }
      }
      object.fields().forEachRemaining(field -> {
        if (field.getKey().equals("properties") && field.getValue().isObject()) {
          // its keys are property names, not keywords: convert each property's schema
          field.getValue().elements().forEachRemaining(OpenApi30Copy::toOpenApi30);
        } else {
          toOpenApi30(field.getValue());
        }
      });
    } else {
      node.elements().forEachRemaining(OpenApi30Copy::toOpenApi30);
    }
  }

  private static void dropLargeBound(ObjectNode object, String keyword, int above) {
    if (object.path(keyword).isInt() && object.get(keyword).asInt() > above) {
      object.remove(keyword);
    }
  }

  private static JsonNode read(ObjectMapper mapper, String resource) {
    try (InputStream in = OpenApi30Copy.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
