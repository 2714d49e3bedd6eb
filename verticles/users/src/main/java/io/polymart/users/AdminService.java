package io.polymart.users;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Account administration, and the bootstrap admin account from conf. */
final class AdminService {
  static final String ADMIN = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(AdminService.class);
  private static final int DEFAULT_PAGE_SIZE = 20;
  private static final int MAX_PAGE_SIZE = 100;
  private final Pool pool;
  private final AccountRepository accounts;
  private final SessionRepository sessions;
  private final PasswordHasher passwords;
  private final Revocations revocations;

  AdminService(Pool pool, AccountRepository accounts, SessionRepository sessions, PasswordHasher passwords,
      Revocations revocations) {
    this.pool = pool;
    this.accounts = accounts;
    this.sessions = sessions;
    this.passwords = passwords;
    this.revocations = revocations;
  }

  Future<JsonObject> list(BusRequest request) {
    request.requireRole(ADMIN);
    int page = positive(request, "page", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    int size = positive(request, "size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    return accounts.search(pool, request.query("q").orElse(null), page, size).map(result -> {
      JsonArray items = new JsonArray();
      result.accounts().forEach(account -> items.add(account.toJson()));
      return new JsonObject().put("items", items).put("total", result.total()).put("page", page).put("size", size);
    });
  }

  Future<JsonObject> update(BusRequest request) {
    request.requireRole(ADMIN);
    UUID id = request.uuidParam("id", "User");
    JsonObject body = request.body();
    FieldErrors errors = new FieldErrors();
    Map<String, Object> columns = new LinkedHashMap<>();
    String status = request.bodyString("status");
    if (status != null) {
      errors.check(UserRules.STATUSES.contains(status), "status", "must be active or disabled");
      columns.put("status", status);
    }
    List<String> roles = null;
    if (body.containsKey("roles")) {
      roles = roles(body.getValue("roles"), errors);
      columns.put("roles", roles == null ? null : roles.toArray(String[]::new));
    }
    errors.throwIfAny();
    boolean self = id.toString().equals(request.userId());
    if (self && ("disabled".equals(status) || (roles != null && !roles.contains(ADMIN)))) {
      throw ServiceException.unprocessable("SELF_LOCKOUT", "Admins cannot disable themselves or drop their own admin role");
    }
    if (columns.isEmpty()) {
      return accounts.byId(pool, id).compose(Account::presentOrNotFound);
    }
    boolean rolesChanged = roles != null;
    return pool.withTransaction(conn -> accounts.update(conn, id, columns).compose(updated -> {
      if (updated.isEmpty()) {
        return Future.succeededFuture(updated);
      }
      Future<Void> ended = updated.get().active()
          ? Future.succeededFuture()
          : sessions.revokeAll(conn, id).compose(revocations::sessions);
      // Tokens carry roles: after a change only tokens of the new version (from login or refresh) count.
      return ended.compose(v -> rolesChanged
              ? accounts.bumpTokenVersion(conn, id).compose(version -> revocations.userTokensBelow(id, version))
              : Future.succeededFuture())
          .map(v -> updated);
    })).compose(Account::presentOrNotFound);
  }

  /** Creates the admin named in conf if missing; an existing account keeps its password but is made an active admin. */
  Future<Void> bootstrap(String email, String password) {
    if (email.isBlank() || password.isBlank()) {
      return Future.succeededFuture();
    }
    String normalized = UserRules.normalizeEmail(email);
    return accounts.byEmail(pool, normalized).compose(existing -> {
      if (existing.isPresent()) {
        List<String> roles = new ArrayList<>(existing.get().roles());
        if (!roles.contains(ADMIN)) {
          roles.add(ADMIN);
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("roles", roles.toArray(String[]::new));
        columns.put("status", "active");
        return accounts.update(pool, existing.get().id(), columns).mapEmpty();
      }
      return passwords.hash(password)
          .compose(hash -> accounts.insert(pool, normalized, hash, "admin", null, List.of("customer", ADMIN)))
          .onSuccess(created -> created.ifPresent(account -> LOG.info("Bootstrap admin account {} created", normalized)))
          .mapEmpty();
    });
  }

  private static List<String> roles(Object value, FieldErrors errors) {
    if (!(value instanceof JsonArray array) || array.isEmpty()
        || !array.stream().allMatch(role -> role instanceof String && UserRules.ROLES.contains(role))) {
      errors.add("roles", "must be a non-empty list of customer, seller, admin");
      return null;
    }
    return array.stream().map(String.class::cast).distinct().toList();
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
