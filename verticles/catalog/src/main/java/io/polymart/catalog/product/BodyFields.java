package io.polymart.catalog.product;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** Reading request body fields the JSON Schema has already shaped. */
public final class BodyFields {
  private BodyFields() {
  }

  /** An optional id field: null when absent or null, a 400 naming the field when not a UUID. */
  public static UUID uuid(JsonObject body, String field) {
    String value = body.getString(field);
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ServiceException.invalidField(field, "must be a UUID");
    }
  }
}
