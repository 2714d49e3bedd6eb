package io.polymart.core.error;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A failure whose message is safe to show a user. It travels over the event bus as a
 * {@link ReplyException} whose failure code is the HTTP status and whose message is the JSON error
 * body, so the gateway can answer with the documented shape on any node.
 */
public final class ServiceException extends RuntimeException {
  private final int status;
  private final String code;
  private final JsonArray details;
  private final Integer retryAfterSeconds;

  public ServiceException(int status, String code, String message, JsonArray details, Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = details == null ? new JsonArray() : details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ServiceException badRequest(String message, JsonArray details) {
    return new ServiceException(400, "VALIDATION_FAILED", message, details, null);
  }

  public static ServiceException invalidField(String field, String message) {
    return badRequest("Request is invalid", new JsonArray().add(fieldError(field, message)));
  }

  public static ServiceException unauthorized(String message) {
    return new ServiceException(401, "UNAUTHORIZED", message, null, null);
  }

  public static ServiceException forbidden(String message) {
    return new ServiceException(403, "FORBIDDEN", message, null, null);
  }

  public static ServiceException notFound(String message) {
    return new ServiceException(404, "NOT_FOUND", message, null, null);
  }

  public static ServiceException conflict(String code, String message) {
    return new ServiceException(409, code, message, null, null);
  }

  public static ServiceException unprocessable(String code, String message) {
    return new ServiceException(422, code, message, null, null);
  }

  public static ServiceException rateLimited(int retryAfterSeconds) {
    return new ServiceException(429, "RATE_LIMITED", "Too many requests, try again later", null,
        retryAfterSeconds);
  }

  public static JsonObject fieldError(String field, String message) {
    return new JsonObject().put("field", field).put("message", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public JsonArray details() {
    return details;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The wire form: {@code {"error": {code, message, details}, "retryAfter"?}}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("error", new JsonObject()
        .put("code", code).put("message", getMessage()).put("details", details));
    if (retryAfterSeconds != null) {
      json.put("retryAfter", retryAfterSeconds);
    }
    return json;
  }

  public ReplyException toReplyException() {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, status, toJson().encode());
  }

  /**
   * Reads a failure that came back over the event bus, or a backend client's failure: a backend outage or a bus
   * timeout becomes a 503, anything else unrecognised a 500.
   */
  public static ServiceException fromFailure(Throwable failure) {
    if (failure instanceof ServiceException service) {
      return service;
    }
    if (BackendOutage.is(failure)) {
      return unavailable();
    }
    if (failure instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.NO_HANDLERS || reply.failureType() == ReplyFailure.TIMEOUT) {
        return unavailable();
      }
      if (reply.failureCode() >= 400 && reply.failureCode() < 600) {
        try {
          JsonObject json = new JsonObject(reply.getMessage());
          JsonObject error = json.getJsonObject("error");
          return new ServiceException(reply.failureCode(), error.getString("code"), error.getString("message"),
              error.getJsonArray("details"), json.getInteger("retryAfter"));
        } catch (RuntimeException notOurShape) {
          return internal();
        }
      }
    }
    return internal();
  }

  /** How long a client is told to wait before retrying after a 503: about as long as a backend takes to restart. */
  public static final int RETRY_AFTER_OUTAGE_SECONDS = 5;

  public static ServiceException unavailable() {
    return new ServiceException(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable", null,
        RETRY_AFTER_OUTAGE_SECONDS);
  }

  public static ServiceException internal() {
    return new ServiceException(500, "INTERNAL", "An unexpected error occurred", null, null);
  }
}
