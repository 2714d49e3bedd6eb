package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonFormatValidator;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.impl.OpenAPIFormatValidator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a request against its operation in the contract, on the event loop: the JSON body against its schema
 * (from {@code schemas/json/}) and each declared query parameter against its own. Failures are a 400
 * {@code VALIDATION_FAILED} naming each failing field once, with the most specific reason.
 * <p>
 * vertx-openapi's {@code RequestValidator} would do the same on a worker thread for every request; the validators
 * here come from the same contract and schema repository, built once per operation.
 * Path parameters are left to the services (an id that cannot be one names nothing: 404), and so are headers
 * (a missing {@code Idempotency-Key} or signature has its own error code).
 */
final class RequestValidation {
  /** Keywords that only report that something beneath them failed; the leaf error says what. */
  private static final Set<String> WRAPPER_KEYWORDS = Set.of("properties", "items", "prefixItems", "allOf", "anyOf",
      "oneOf", "$ref", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "contains", "not");
  /** Errors about the object itself name the property in their message: {@code ... property "email"}. */
  private static final Pattern NAMED_PROPERTY = Pattern.compile("[Pp]roperty \"([^\"]+)\"");
  /** The annotation the schema repository gives each schema: where in the contract it sits. */
  private static final String LOCATION = "__absolute_uri__";
  /** The keywords by which a schema refers to another, and the annotations the repository adds to them. */
  private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef", "$recursiveRef", "__absolute_ref__",
      "__absolute_recursive_ref__");
  private static final JsonFormatValidator OPENAPI_FORMATS = new OpenAPIFormatValidator();
  private final Map<String, Validator> bodies = new HashMap<>();
  private final Map<String, List<QueryParameter>> queries = new HashMap<>();

  private record QueryParameter(String name, SchemaType type, Validator validator) {
  }

  RequestValidation(OpenAPIContract contract) {
    SchemaRepository schemas = contract.getSchemaRepository();
    // as the contract's repository validates: its version's dialect of JSON Schema, the basic output
    JsonSchemaOptions selfContained = new JsonSchemaOptions().setBaseUri(ApiContract.SCHEMAS_BASE)
        .setDraft(contract.getVersion() == OpenAPIVersion.V3_0 ? Draft.DRAFT4 : Draft.DRAFT202012)
        .setOutputFormat(OutputFormat.Basic);
    Map<Object, Validator> byContent = new HashMap<>();
    for (Operation operation : contract.operations()) {
      MediaType json = operation.getRequestBody() == null ? null
          : operation.getRequestBody().getContent().get("application/json");
      if (json != null && json.getSchema() != null) {
        bodies.put(operation.getOperationId(), validator(schemas, selfContained, json.getSchema(), byContent));
      }
      List<QueryParameter> parameters = new ArrayList<>();
      for (Parameter parameter : operation.getParameters()) {
        if (parameter.getIn() == Location.QUERY) {
          parameters.add(new QueryParameter(parameter.getName(), parameter.getSchemaType(),
              validator(schemas, selfContained, parameter.getSchema(), byContent)));
        }
      }
      queries.put(operation.getOperationId(), parameters);
    }
  }

  /**
   * One validator per distinct schema: vertx-json-schema gives each validator from the repository its own copy of the
   * repository's lookup table (every schema of the contract and the meta-schemas, about 4,300 entries, ~170 KB), and
   * the contract repeats schemas (paging, sorting, bodies of the same shape) many times: 83 schemas, 55 distinct. Two
   * schemas that differ only in where they sit ({@code __absolute_uri__}, which the repository adds) validate alike:
   * every reference in them is already absolute ({@code __absolute_ref__}). A schema that refers to no other (24 of
   * the 55) needs no table: its validator is made from it alone, with the contract's dialect and formats.
   */
  private static Validator validator(SchemaRepository schemas, JsonSchemaOptions selfContained, JsonSchema schema,
      Map<Object, Validator> byContent) {
    // a validator of its own annotates its schema (__absolute_uri__): it gets a copy, so that the key stays as it is
    return byContent.computeIfAbsent(withoutLocation(schema), content -> content instanceof JsonObject alone
        && !refersElsewhere(alone) ? Validator.create(JsonSchema.of(alone.copy()), selfContained, OPENAPI_FORMATS)
        : schemas.validator(schema));
  }

  private static boolean refersElsewhere(Object value) {
    if (value instanceof JsonObject object) {
      return object.fieldNames().stream().anyMatch(REFERENCES::contains)
          || object.stream().anyMatch(entry -> refersElsewhere(entry.getValue()));
    }
    return value instanceof JsonArray array && array.stream().anyMatch(RequestValidation::refersElsewhere);
  }

  private static Object withoutLocation(Object value) {
    if (value instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      object.forEach(entry -> {
        if (!LOCATION.equals(entry.getKey())) {
          copy.put(entry.getKey(), withoutLocation(entry.getValue()));
        }
      });
      return copy;
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(withoutLocation(item)));
      return copy;
    }
    return value;
  }

  /** Throws a 400 naming each failing field of the body; an operation without a JSON body schema accepts any. */
  void validateBody(String operationId, JsonObject body) {
    Validator validator = bodies.get(operationId);
    if (validator == null) {
      return;
    }
    OutputUnit result = validator.validate(body);
    if (!result.getValid()) {
      JsonArray details = new JsonArray();
      leafErrors(result).forEach((field, message) -> details.add(ServiceException.fieldError(field, message)));
      throw ServiceException.badRequest("Request body does not match the schema", details);
    }
  }

  /** The validator of an operation's query parameter, or null: for tests. */
  Validator queryValidator(String operationId, String name) {
    return queries.getOrDefault(operationId, List.of()).stream().filter(p -> p.name().equals(name))
        .map(QueryParameter::validator).findFirst().orElse(null);
  }

  /**
   * Throws a 400 naming the first query parameter that breaks its schema. An empty value ({@code ?page=}) is a value
   * like any other: it passes only where the schema allows the empty string.
   */
  void validateQuery(String operationId, MultiMap query) {
    for (QueryParameter parameter : queries.getOrDefault(operationId, List.of())) {
      List<String> values = query.getAll(parameter.name());
      if (values.isEmpty()) {
        continue;
      }
      String raw = values.get(values.size() - 1);
      OutputUnit result = parameter.validator().validate(typed(parameter.type(), raw));
      if (!result.getValid()) {
        String reason = leafErrors(result).values().stream().findFirst().orElse("is not valid");
        throw ServiceException.invalidField(parameter.name(), reason);
      }
    }
  }

  /** A query value as the type its schema expects, or the text itself when it is not one (the schema then says so). */
  private static Object typed(SchemaType type, String raw) {
    try {
      return switch (type == null ? SchemaType.STRING : type) {
        case INTEGER -> Long.parseLong(raw);
        case NUMBER -> new BigDecimal(raw);
        case BOOLEAN -> raw.equals("true") || raw.equals("false") ? Boolean.valueOf(raw) : raw;
        default -> raw;
      };
    } catch (NumberFormatException e) {
      return raw;
    }
  }

  private static Map<String, String> leafErrors(OutputUnit result) {
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
    return leaves;
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
}
