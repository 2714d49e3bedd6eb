package io.polymart.users;

import io.polymart.core.error.FieldErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The caller's own profile. */
final class ProfileService {
  private final Pool pool;
  private final AccountRepository accounts;

  ProfileService(Pool pool, AccountRepository accounts) {
    this.pool = pool;
    this.accounts = accounts;
  }

  Future<JsonObject> me(UUID userId) {
    return accounts.byId(pool, userId).compose(Account::presentOrNotFound);
  }

  /**
   * Changes only the fields present; {@code null} clears an optional field. The contract
   * ({@code schemas/json/me-update.json}) has checked each field's shape; what is left is the reserved usernames
   * and a birthday that is a real date in range.
   */
  Future<JsonObject> update(UUID userId, ProfileChanges changes) {
    FieldErrors errors = new FieldErrors();
    Map<String, Object> columns = new LinkedHashMap<>();
    if (changes.has("username")) {
      String username = changes.value("username");
      UserRules.username(errors, username);
      columns.put("username", username);
    }
    for (String field : List.of("phone", "nickname", "gender")) {
      if (changes.has(field)) {
        columns.put(field, changes.value(field));
      }
    }
    if (changes.has("birthday")) {
      String birthday = changes.value("birthday");
      LocalDate date = birthday == null ? null : UserRules.birthday(errors, birthday);
      columns.put("birthday", date);
    }
    errors.throwIfAny();
    if (columns.isEmpty()) {
      return me(userId);
    }
    return accounts.update(pool, userId, columns).compose(Account::presentOrNotFound);
  }
}
