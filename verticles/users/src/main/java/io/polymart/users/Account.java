package io.polymart.users;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An account row. The password hash never leaves this verticle. */
record Account(UUID id, String email, String passwordHash, String username, String phone, String nickname,
    String gender, LocalDate birthday, String status, List<String> roles, int tokenVersion,
    OffsetDateTime createdAt) {

  static final String COLUMNS =
      "id, email, password_hash, username, phone, nickname, gender, birthday, status, roles, token_version, created_at";

  static Account from(Row row) {
    return new Account(row.getUUID("id"), row.getString("email"), row.getString("password_hash"),
        row.getString("username"), row.getString("phone"), row.getString("nickname"), row.getString("gender"),
        row.getLocalDate("birthday"), row.getString("status"), Arrays.asList(row.getArrayOfStrings("roles")),
        row.getInteger("token_version"), row.getOffsetDateTime("created_at"));
  }

  static Future<JsonObject> presentOrNotFound(Optional<Account> account) {
    return account.map(found -> Future.succeededFuture(found.toJson()))
        .orElseGet(() -> Future.failedFuture(ServiceException.notFound("User not found")));
  }

  boolean active() {
    return "active".equals(status);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("email", email)
        .put("username", username)
        .put("phone", phone)
        .put("nickname", nickname)
        .put("gender", gender)
        .put("birthday", birthday == null ? null : birthday.toString())
        .put("status", status)
        .put("roles", new JsonArray(roles))
        .put("createdAt", createdAt.toInstant().toString());
  }
}
