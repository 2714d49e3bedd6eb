package io.polymart.users;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code users.addresses} table; every statement is scoped to the owning user. */
final class AddressRepository {

  Future<List<JsonObject>> list(SqlClient sql, UUID userId) {
    return sql.preparedQuery("SELECT " + Address.COLUMNS + " FROM users.addresses WHERE user_id = $1 "
            + "ORDER BY is_default DESC, created_at, id")
        .execute(Tuple.of(userId))
        .map(rows -> {
          List<JsonObject> addresses = new ArrayList<>();
          rows.forEach(row -> addresses.add(Address.toJson(row)));
          return addresses;
        });
  }

  Future<Optional<JsonObject>> find(SqlClient sql, UUID userId, UUID id) {
    return sql.preparedQuery("SELECT " + Address.COLUMNS + " FROM users.addresses WHERE id = $1 AND user_id = $2")
        .execute(Tuple.of(id, userId))
        .map(AddressRepository::first);
  }

  Future<Long> count(SqlClient sql, UUID userId) {
    return sql.preparedQuery("SELECT count(*) FROM users.addresses WHERE user_id = $1")
        .execute(Tuple.of(userId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  Future<JsonObject> insert(SqlClient sql, UUID userId, Address address, boolean isDefault) {
    return sql.preparedQuery("INSERT INTO users.addresses (user_id, receiver, phone, province, city, district, "
            + "detail, postal_code, is_default) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING "
            + Address.COLUMNS)
        .execute(address.addTo(Tuple.of(userId)).addValue(isDefault))
        .map(rows -> Address.toJson(rows.iterator().next()));
  }

  Future<Optional<JsonObject>> update(SqlClient sql, UUID userId, UUID id, Address address) {
    return sql.preparedQuery("UPDATE users.addresses SET receiver = $3, phone = $4, province = $5, city = $6, "
            + "district = $7, detail = $8, postal_code = $9, updated_at = now() WHERE id = $1 AND user_id = $2 "
            + "RETURNING " + Address.COLUMNS)
        .execute(address.addTo(Tuple.of(id, userId)))
        .map(AddressRepository::first);
  }

  /** Deletes the address; answers whether it was the default, or empty if the user has no such address. */
  Future<Optional<Boolean>> delete(SqlClient sql, UUID userId, UUID id) {
    return sql.preparedQuery("DELETE FROM users.addresses WHERE id = $1 AND user_id = $2 RETURNING is_default")
        .execute(Tuple.of(id, userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getBoolean(0)));
  }

  /** Makes the address the user's only default; empty if the user has no such address. */
  Future<Optional<JsonObject>> makeDefault(SqlClient sql, UUID userId, UUID id) {
    return sql.preparedQuery("UPDATE users.addresses SET is_default = false "
            + "WHERE user_id = $1 AND is_default AND id <> $2")
        .execute(Tuple.of(userId, id))
        .compose(cleared -> sql.preparedQuery("UPDATE users.addresses SET is_default = true, updated_at = now() "
                + "WHERE id = $1 AND user_id = $2 RETURNING " + Address.COLUMNS)
            .execute(Tuple.of(id, userId)))
        .map(AddressRepository::first);
  }

  Future<Void> clearDefault(SqlClient sql, UUID userId) {
    return sql.preparedQuery("UPDATE users.addresses SET is_default = false WHERE user_id = $1 AND is_default")
        .execute(Tuple.of(userId))
        .mapEmpty();
  }

  Future<Void> promoteNewest(SqlClient sql, UUID userId) {
    return sql.preparedQuery("UPDATE users.addresses SET is_default = true WHERE id = "
            + "(SELECT id FROM users.addresses WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 1)")
        .execute(Tuple.of(userId))
        .mapEmpty();
  }

  private static Optional<JsonObject> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(Address.toJson(rows.iterator().next()));
  }
}
