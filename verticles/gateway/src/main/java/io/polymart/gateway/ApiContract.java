package io.polymart.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP contract, {@code schemas/openapi.yaml} from the classpath, with the request-body JSON Schemas of
 * {@code schemas/json/} that it references by relative {@code $ref}.
 */
final class ApiContract {
  static final String DOCUMENT = "schemas/openapi.yaml";
  /** The schemas' base URI; the document's relative {@code $ref: 'json/x.json'} are made absolute against it. */
  static final String SCHEMAS_BASE = "https://polymart.io/schemas/";
  /** The Vert.x-local map that holds the contract being built, so it goes when its Vert.x instance closes. */
  private static final String SHARED = "polymart.gateway.contract";
  private static final Pattern JSON_REF = Pattern.compile("\\$ref: '(json/[a-z0-9-]+\\.json)'");

  private ApiContract() {
  }

  /** The document's raw bytes, as served at {@code GET /api/v1/openapi.yaml}. */
  static Buffer document() {
    return Buffer.buffer(resource(DOCUMENT));
  }

  /**
   * The contract and its request validators, built once per Vert.x instance and shared by its gateway instances (both
   * are read-only once built: the validators' lookup tables take about 10 MB of heap per copy); the future completes
   * on the caller's context.
   */
  static Future<Loaded> shared(Vertx vertx) {
    LocalMap<String, Loading> shared = vertx.sharedData().getLocalMap(SHARED);
    Future<Loaded> loading = shared.computeIfAbsent(SHARED,
        key -> new Loading(load(vertx).map(contract -> new Loaded(contract, new RequestValidation(contract))))).loaded();
    loading.onFailure(e -> shared.remove(SHARED));
    return Future.fromCompletionStage(loading.toCompletionStage(), vertx.getOrCreateContext());
  }

  /** The contract with the validators of its requests. */
  record Loaded(OpenAPIContract contract, RequestValidation validation) {
  }

  /** Read-only once built, so one instance serves every event loop. */
  private record Loading(Future<Loaded> loaded) implements Shareable {
  }

  static Future<OpenAPIContract> load(Vertx vertx) {
    String yaml = new String(resource(DOCUMENT), java.nio.charset.StandardCharsets.UTF_8);
    Map<String, JsonObject> bodySchemas = new HashMap<>();
    Matcher ref = JSON_REF.matcher(yaml);
    while (ref.find()) {
      bodySchemas.computeIfAbsent(SCHEMAS_BASE + ref.group(1),
          uri -> new JsonObject(Buffer.buffer(resource("schemas/" + ref.group(1)))));
    }
    // vertx-openapi resolves a $ref to another file only by its absolute URI
    String absolute = JSON_REF.matcher(yaml).replaceAll("\\$ref: '" + SCHEMAS_BASE + "$1'");
    return io.vertx.openapi.impl.Utils.yamlStringToJson(absolute)
        .compose(document -> OpenAPIContract.from(vertx, withoutForeignResponseTypes(document), bodySchemas));
  }

  /**
   * vertx-openapi refuses a contract whose responses name a media type it cannot validate (our images and this
   * YAML document). The gateway validates requests only, so those response bodies are left out of its copy.
   */
  private static JsonObject withoutForeignResponseTypes(JsonObject document) {
    for (Object path : document.getJsonObject("paths")) {
      for (Object operation : ((JsonObject) ((Map.Entry<?, ?>) path).getValue())) {
        if (((Map.Entry<?, ?>) operation).getValue() instanceof JsonObject model
            && model.getValue("responses") instanceof JsonObject responses) {
          responses.forEach(response -> {
            if (response.getValue() instanceof JsonObject model2 && model2.getValue("content") instanceof JsonObject content) {
              content.fieldNames().removeIf(type -> !MediaType.isMediaTypeSupported(type));
            }
          });
        }
      }
    }
    return document;
  }

  private static byte[] resource(String name) {
    try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }
}
