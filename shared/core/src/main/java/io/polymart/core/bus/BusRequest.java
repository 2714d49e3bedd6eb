package io.polymart.core.bus;

import io.polymart.core.error.ServiceException;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A request forwarded by the gateway: {@code {"params": {...}, "query": {...}, "body": {...}}} plus the
 * caller's identity in delivery headers.
 */
public final class BusRequest {
  private final Message<JsonObject> message;
  private final JsonObject envelope;

  public BusRequest(Message<JsonObject> message) {
    this.message = message;
    this.envelope = message.body() == null ? new JsonObject() : message.body();
  }

  public static JsonObject envelope(JsonObject params, JsonObject query, JsonObject body) {
    return new JsonObject().put("params", params).put("query", query).put("body", body);
  }

  /** The envelope of a service call that has only a body. */
  public static JsonObject envelope(JsonObject body) {
    return envelope(new JsonObject(), new JsonObject(), body);
  }

  public JsonObject body() {
    JsonObject body = envelope.getJsonObject("body");
    return body == null ? new JsonObject() : body;
  }

  public String param(String name) {
    JsonObject params = envelope.getJsonObject("params");
    String value = params == null ? null : params.getString(name);
    if (value == null) {
      throw ServiceException.invalidField(name, "is required");
    }
    return value;
  }

  /** A path parameter that names an entity by UUID; one that cannot be a UUID names nothing: 404. */
  public UUID uuidParam(String name, String entity) {
    try {
      return UUID.fromString(param(name));
    } catch (IllegalArgumentException e) {
      throw ServiceException.notFound(entity + " not found");
    }
  }

  /** A body field that must be a string when present. */
  public String bodyString(String field) {
    Object value = body().getValue(field);
    if (value != null && !(value instanceof String)) {
      throw ServiceException.invalidField(field, "must be a string");
    }
    return (String) value;
  }

  public Optional<String> query(String name) {
    JsonObject query = envelope.getJsonObject("query");
    return Optional.ofNullable(query == null ? null : query.getString(name)).filter(v -> !v.isEmpty());
  }

  /** A whole-number query parameter from {@code min} to {@code max}, {@code fallback} when absent; else a 400. */
  public int intQuery(String name, int fallback, int min, int max) {
    return query(name).map(value -> {
      try {
        int parsed = Integer.parseInt(value);
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw ServiceException.invalidField(name, "must be a whole number from " + min + " to " + max);
    }).orElse(fallback);
  }

  /** An id query parameter, null when absent; else a 400 saying it {@code mustBe} ("must be a SKU id"). */
  public UUID uuidQuery(String name, String mustBe) {
    return query(name).map(value -> {
      try {
        return UUID.fromString(value);
      } catch (IllegalArgumentException e) {
        throw ServiceException.invalidField(name, mustBe);
      }
    }).orElse(null);
  }

  /** Every query parameter (one value each). */
  public JsonObject queryParams() {
    JsonObject query = envelope.getJsonObject("query");
    return query == null ? new JsonObject() : query.copy();
  }

  /** The authenticated caller; a missing identity means the route was wired without auth. */
  public String userId() {
    String userId = message.headers().get(BusHeaders.USER_ID);
    if (userId == null) {
      throw ServiceException.unauthorized("Authentication required");
    }
    return userId;
  }

  /** The caller on routes where signing in is optional; null for anonymous callers. */
  public String optionalUserId() {
    return message.headers().get(BusHeaders.USER_ID);
  }

  public UUID userUuid() {
    return UUID.fromString(userId());
  }

  public List<String> roles() {
    String roles = message.headers().get(BusHeaders.USER_ROLES);
    return roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
  }

  public Optional<String> sessionId() {
    return Optional.ofNullable(message.headers().get(BusHeaders.SESSION_ID));
  }

  /** A delivery header the gateway copied from the HTTP request (see {@link BusHeaders}). */
  public Optional<String> header(String name) {
    return Optional.ofNullable(message.headers().get(name));
  }

  public String clientIp() {
    return Optional.ofNullable(message.headers().get(BusHeaders.CLIENT_IP)).orElse("unknown");
  }

  public Optional<String> userAgent() {
    return Optional.ofNullable(message.headers().get(BusHeaders.USER_AGENT));
  }

  public void requireRole(String role) {
    if (!roles().contains(role)) {
      throw ServiceException.forbidden("This action requires the " + role + " role");
    }
  }
}
