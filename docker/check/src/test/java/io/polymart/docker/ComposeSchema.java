package io.polymart.docker;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The Compose Specification's JSON schema (draft-07, vendored: see compose-spec.NOTICE.md). */
final class ComposeSchema {
  private static final Validator VALIDATOR = Validator.create(JsonSchema.of(load()),
      new JsonSchemaOptions().setDraft(Draft.DRAFT7).setBaseUri("https://polymart.io/docker/")
          .setOutputFormat(OutputFormat.Basic));

  private ComposeSchema() {
  }

  /** Each violation as {@code instance location: error}; empty when the file is valid. */
  static List<String> violations(JsonObject compose) {
    OutputUnit result = VALIDATOR.validate(compose);
    List<String> violations = new ArrayList<>();
    if (!Boolean.TRUE.equals(result.getValid())) {
      if (result.getErrors() == null || result.getErrors().isEmpty()) {
        violations.add(result.getInstanceLocation() + ": " + result.getError());
      } else {
        result.getErrors().forEach(unit -> violations.add(unit.getInstanceLocation() + ": " + unit.getError()));
      }
    }
    return violations;
  }

  private static JsonObject load() {
    try (InputStream in = ComposeSchema.class.getClassLoader().getResourceAsStream("compose-spec.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
