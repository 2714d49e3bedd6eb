package io.polymart.core.error;

import io.vertx.core.json.JsonArray;

/** Collects every invalid field of a request, so the caller learns about all of them at once. */
public final class FieldErrors {
  private final JsonArray details = new JsonArray();

  public FieldErrors add(String field, String message) {
    details.add(ServiceException.fieldError(field, message));
    return this;
  }

  public FieldErrors check(boolean valid, String field, String message) {
    if (!valid) {
      add(field, message);
    }
    return this;
  }

  public JsonArray details() {
    return details.copy();
  }

  public boolean isEmpty() {
    return details.isEmpty();
  }

  public void throwIfAny() {
    if (!details.isEmpty()) {
      throw ServiceException.badRequest("Request is invalid", details);
    }
  }
}
