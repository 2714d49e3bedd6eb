package io.polymart.users;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads users requests into the services' typed arguments. The bodies were checked against the contract before the
 * gateway forwarded them, so they are only read; the admin list's page and size fail with a 400 naming the parameter.
 */
final class UsersInput {
  static final int DEFAULT_PAGE_SIZE = 20;
  static final int MAX_PAGE_SIZE = 100;
  private static final List<String> PROFILE_FIELDS = List.of("username", "phone", "nickname", "gender", "birthday");

  private UsersInput() {
  }

  static Registration registration(BusRequest request) {
    return new Registration(request.bodyString("email"), request.bodyString("password"),
        request.bodyString("username"), request.bodyString("phone"));
  }

  static ClientInfo client(BusRequest request) {
    return new ClientInfo(request.clientIp(), request.userAgent().orElse(null));
  }

  /** The profile fields present in the body (each a string or null). */
  static ProfileChanges profileChanges(BusRequest request) {
    JsonObject body = request.body();
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : PROFILE_FIELDS) {
      if (body.containsKey(field)) {
        fields.put(field, request.bodyString(field));
      }
    }
    return new ProfileChanges(fields);
  }

  /** A delivery address, whose fields the contract ({@code schemas/json/address.json}) has checked. */
  static Address address(BusRequest request) {
    return new Address(request.bodyString("receiver"), request.bodyString("phone"), request.bodyString("province"),
        request.bodyString("city"), request.bodyString("district"), request.bodyString("detail"),
        request.bodyString("postalCode"));
  }

  static boolean isDefault(BusRequest request) {
    return Boolean.TRUE.equals(request.body().getValue("isDefault"));
  }

  /**
   * {@code status} and {@code roles} of an admin's account change; the contract
   * ({@code schemas/json/admin-user-update.json}) has checked their values and that at least one is present.
   */
  static AccountChanges accountChanges(BusRequest request) {
    JsonArray roles = request.body().getJsonArray("roles");
    return new AccountChanges(request.bodyString("status"),
        roles == null ? null : roles.stream().map(String.class::cast).toList());
  }

  static int page(BusRequest request) {
    return positive(request, "page", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
  }

  static int size(BusRequest request) {
    return positive(request, "size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  }

  /** {@code GET /admin/audit}'s criteria: {@code actor} a user id, {@code from}/{@code to} ISO-8601 instants. */
  static AuditQuery auditQuery(BusRequest request) {
    UUID actor = request.uuidQuery("actor", "must be a user id (UUID)");
    return new AuditQuery(actor, text(request, "action", 100), text(request, "target", 200), instant(request, "from"),
        instant(request, "to"), page(request), size(request));
  }

  private static String text(BusRequest request, String name, int maxLength) {
    String value = request.query(name).orElse(null);
    if (value != null && value.length() > maxLength) {
      throw ServiceException.invalidField(name, "must be 1 to " + maxLength + " characters");
    }
    return value;
  }

  private static OffsetDateTime instant(BusRequest request, String name) {
    return request.query(name).map(raw -> {
      try {
        return OffsetDateTime.parse(raw);
      } catch (DateTimeParseException e) {
        throw ServiceException.invalidField(name, "must be a date and time with its offset (2026-12-05T10:00:00Z)");
      }
    }).orElse(null);
  }

  private static int positive(BusRequest request, String name, int fallback, int max) {
    String raw = request.query(name).orElse(null);
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw ServiceException.invalidField(name, "must be a whole number from 1 to " + max);
  }
}
