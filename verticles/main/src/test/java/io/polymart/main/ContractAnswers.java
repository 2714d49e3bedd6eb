package io.polymart.main;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.polymart.gateway.ContractForTests;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What the contract says an answer may be: a documented status, a documented media type, a body and headers that
 * match the response's schemas (vertx-openapi's response validator over the gateway's reading of the contract), and
 * for every error the shape {@code {"error": {"code", "message", "details"}}}.
 */
final class ContractAnswers {
  private static final Set<String> ERROR_FIELDS = Set.of("code", "message", "details");

  /**
   * One operation of the contract: its id, who may call it, its documented media types by status, and the schema
   * of each of its parameters.
   */
  record Operation(String id, String access, Map<String, Set<String>> responses, Map<String, JsonNode> parameters) {
    /** Whether the contract lets this parameter be the empty string. */
    boolean allowsEmpty(String parameter) {
      JsonNode schema = parameters.getOrDefault(parameter, MissingNode.getInstance());
      return schema.path("minLength").asInt(0) == 0 && (!schema.has("pattern")
          || Pattern.compile(schema.get("pattern").asText()).matcher("").find());
    }

    boolean isString(String parameter) {
      return "string".equals(parameters.getOrDefault(parameter, MissingNode.getInstance()).path("type").asText());
    }
  }

  private final Map<String, Operation> operations = new HashMap<>();
  private final ResponseValidator validator;

  ContractAnswers(Vertx vertx) {
    JsonNode doc = readYaml("schemas/openapi.yaml");
    doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (op.getValue().has("responses")) {
        Map<String, Set<String>> responses = new HashMap<>();
        op.getValue().get("responses").fields().forEachRemaining(response -> {
          JsonNode model = resolve(doc, response.getValue());
          Set<String> types = new TreeSet<>();
          model.path("content").fieldNames().forEachRemaining(types::add);
          responses.put(response.getKey(), types);
        });
        Map<String, JsonNode> parameters = new HashMap<>();
        for (JsonNode parameter : op.getValue().path("parameters")) {
          JsonNode model = resolve(doc, parameter);
          parameters.put(model.get("name").asText(), resolve(doc, model.path("schema")));
        }
        operations.put(key(op.getKey(), path.getKey()), new Operation(op.getValue().get("operationId").asText(),
            op.getValue().path("x-polymart-access").asText("PUBLIC"), responses, parameters));
      }
    }));
    OpenAPIContract contract = await(ContractForTests.load(vertx).toCompletionStage().toCompletableFuture());
    validator = ResponseValidator.create(vertx, contract);
  }

  Operation operation(String method, String path) {
    Operation operation = operations.get(key(method, path));
    if (operation == null) {
      throw new IllegalArgumentException("Not in the contract: " + method + " " + path);
    }
    return operation;
  }

  /**
   * What is wrong with the answer to a request whose path has an empty segment ({@code /brands/} when Tcases leaves
   * out a path parameter): such a path names no operation, so the answer is {@code 404 NOT_FOUND}.
   */
  List<String> unknownPathProblems(HttpResponse<byte[]> answer) {
    String text = new String(answer.body(), StandardCharsets.UTF_8);
    if (answer.statusCode() != 404 || !errorShaped(text) || !text.contains("\"NOT_FOUND\"")) {
      return List.of("a path with an empty segment answered " + answer.statusCode() + " " + abbreviated(text)
          + " (404 NOT_FOUND expected)");
    }
    return List.of();
  }

  /** What is wrong with this answer to a request of {@code operation}; empty when it is as documented. */
  List<String> problems(Operation operation, boolean invalidRequest, HttpResponse<byte[]> answer) {
    List<String> problems = new ArrayList<>();
    int status = answer.statusCode();
    String text = new String(answer.body(), StandardCharsets.UTF_8);
    if (status >= 500) {
      problems.add("answered " + status);
    }
    if (invalidRequest && status >= 200 && status < 300) {
      problems.add("answered " + status + " to an invalid request");
    }
    Set<String> types = operation.responses().get(Integer.toString(status));
    if (types == null) {
      types = operation.responses().get("default");
    }
    if (types == null) {
      problems.add("status " + status + " is not documented");
      return problems;
    }
    String contentType = answer.headers().firstValue("Content-Type").map(ContractAnswers::baseType).orElse(null);
    if (!types.isEmpty() && answer.body().length > 0 && !types.contains(contentType)) {
      problems.add("Content-Type " + contentType + " is not one of " + types);
      return problems;
    }
    if (status >= 400 && !errorShaped(text)) {
      problems.add("not the error shape: " + abbreviated(text));
    }
    if (types.isEmpty() || "application/json".equals(contentType)) {
      Map<String, String> headers = new HashMap<>();
      answer.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
      ValidatableResponse response = types.isEmpty() || answer.body().length == 0
          ? ValidatableResponse.create(status, headers)
          : ValidatableResponse.create(status, headers, Buffer.buffer(answer.body()), contentType);
      try {
        await(validator.validate(response, operation.id()).toCompletionStage().toCompletableFuture());
      } catch (IllegalStateException e) {
        problems.add("does not match the contract: " + e.getCause().getMessage() + " in " + abbreviated(text));
      }
    }
    return problems;
  }

  private static boolean errorShaped(String text) {
    try {
      JsonObject body = new JsonObject(text);
      JsonObject error = body.getJsonObject("error");
      return body.size() == 1 && error != null && error.fieldNames().equals(ERROR_FIELDS)
          && error.getValue("code") instanceof String && error.getValue("message") instanceof String
          && error.getValue("details") instanceof io.vertx.core.json.JsonArray;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String baseType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
  }

  static String abbreviated(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "..." : text;
  }

  private static String key(String method, String path) {
    return method.toUpperCase() + " " + path;
  }

  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    JsonNode target = doc;
    for (String part : ref.asText().substring(2).split("/")) {
      target = target.get(part);
    }
    return resolve(doc, target);
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readYaml(String resource) {
    try (InputStream in = ContractAnswers.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
