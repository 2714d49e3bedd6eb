package io.polymart.users;

import io.polymart.core.bus.Paging;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
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
  private final Pool pool;
  private final AccountRepository accounts;
  private final SessionRepository sessions;
  private final PasswordHasher passwords;
  private final Revocations revocations;
  private final AuditLog auditLog;

  AdminService(Pool pool, AccountRepository accounts, SessionRepository sessions, PasswordHasher passwords,
      Revocations revocations, AuditLog auditLog) {
    this.auditLog = auditLog;
    this.pool = pool;
    this.accounts = accounts;
    this.sessions = sessions;
    this.passwords = passwords;
    this.revocations = revocations;
  }

  /** The audit trail, newest first. */
  Future<JsonObject> audit(AuditQuery query) {
    return auditLog.search(pool, query);
  }

  Future<JsonObject> list(String query, int page, int size) {
    return accounts.search(pool, query, new Paging(page, size));
  }

  /**
   * {@code admin} is the one making the change, who may not lock themselves out. Each field that changes is recorded
   * in the audit trail in the same transaction, with its value before and after.
   */
  Future<JsonObject> update(ActingAdmin admin, UUID id, AccountChanges changes) {
    String adminId = admin.id().toString();
    Map<String, Object> columns = new LinkedHashMap<>();
    String status = changes.status();
    if (status != null) {
      columns.put("status", status);
    }
    List<String> roles = changes.roles();
    if (roles != null) {
      columns.put("roles", roles.toArray(String[]::new));
    }
    boolean self = id.toString().equals(adminId);
    if (self && ("disabled".equals(status) || (roles != null && !roles.contains(ADMIN)))) {
      throw ServiceException.unprocessable("SELF_LOCKOUT", "Admins cannot disable themselves or drop their own admin role");
    }
    if (columns.isEmpty()) {
      return accounts.byId(pool, id).compose(Account::presentOrNotFound);
    }
    boolean rolesChanged = roles != null;
    List<Runnable> announcements = new ArrayList<>();
    return pool.withTransaction(conn -> accounts.lock(conn, id).compose(before -> before.isEmpty()
        ? Future.succeededFuture(before)
        : accounts.update(conn, id, columns)
            .compose(updated -> audit(conn, admin, before.get(), updated.get()).map(updated))).compose(updated -> {
      if (updated.isEmpty()) {
        return Future.succeededFuture(updated);
      }
      Future<Void> ended = updated.get().active()
          ? Future.succeededFuture()
          : sessions.revokeAll(conn, id).map(ids -> {
            announcements.add(() -> revocations.sessionsEnded(ids));
            return null;
          });
      // Tokens carry roles: after a change only tokens of the new version (from login or refresh) count.
      return ended.compose(v -> rolesChanged
              ? accounts.bumpTokenVersion(conn, id).map(version -> {
                announcements.add(() -> revocations.userTokensBelow(id, version));
                return null;
              })
              : Future.succeededFuture())
          .map(v -> updated);
    })).onSuccess(committed -> announcements.forEach(Runnable::run)).compose(Account::presentOrNotFound);
  }

  private Future<Void> audit(SqlClient conn, ActingAdmin admin, Account before, Account after) {
    String target = AuditEntry.user(after.id());
    List<AuditEntry> entries = new ArrayList<>();
    if (!before.roles().equals(after.roles())) {
      entries.add(admin.entry("user.roles", target, new JsonArray(before.roles()), new JsonArray(after.roles())));
    }
    if (!before.status().equals(after.status())) {
      entries.add(admin.entry("user.status", target, before.status(), after.status()));
    }
    return auditLog.append(conn, entries);
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
}
