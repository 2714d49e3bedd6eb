package io.polymart.catalog.product;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** Reading request body fields the JSON Schema has already shaped. */
public final class BodyFields {
  private BodyFields() {
  }

  /** An optional id field, null when absent or null; the schema's pattern has made it a UUID. */
  public static UUID uuid(JsonObject body, String field) {
    String value = body.getString(field);
    return value == null ? null : UUID.fromString(value);
  }
}
