package io.polymart.users;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The caller's own profile. */
final class ProfileService {
  private final Pool pool;
  private final AccountRepository accounts;

  ProfileService(Pool pool, AccountRepository accounts) {
    this.pool = pool;
    this.accounts = accounts;
  }

  Future<JsonObject> me(BusRequest request) {
    return accounts.byId(pool, request.userUuid()).compose(Account::presentOrNotFound);
  }

  /** Changes only the fields present; {@code null} clears an optional field. */
  Future<JsonObject> update(BusRequest request) {
    JsonObject body = request.body();
    FieldErrors errors = new FieldErrors();
    Map<String, Object> columns = new LinkedHashMap<>();
    if (body.containsKey("username")) {
      String username = request.bodyString("username");
      UserRules.username(errors, username);
      columns.put("username", username);
    }
    if (body.containsKey("phone")) {
      String phone = request.bodyString("phone");
      if (phone != null) {
        UserRules.phone(errors, "phone", phone);
      }
      columns.put("phone", phone);
    }
    if (body.containsKey("nickname")) {
      String nickname = request.bodyString("nickname");
      if (nickname != null) {
        UserRules.text(errors, "nickname", nickname, 30);
      }
      columns.put("nickname", nickname);
    }
    if (body.containsKey("gender")) {
      String gender = request.bodyString("gender");
      if (gender != null) {
        UserRules.gender(errors, gender);
      }
      columns.put("gender", gender);
    }
    if (body.containsKey("birthday")) {
      String birthday = request.bodyString("birthday");
      LocalDate date = birthday == null ? null : UserRules.birthday(errors, birthday);
      columns.put("birthday", date);
    }
    errors.throwIfAny();
    if (columns.isEmpty()) {
      return me(request);
    }
    return accounts.update(pool, request.userUuid(), columns).compose(Account::presentOrNotFound);
  }

}
