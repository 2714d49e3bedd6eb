package io.polymart.users;

import io.polymart.core.db.SqlSupport;
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

  private static final String LIST = """
      SELECT %s FROM users.addresses
      WHERE user_id = $1
      ORDER BY is_default DESC, created_at, id""".formatted(Address.COLUMNS);

  Future<List<JsonObject>> list(SqlClient sql, UUID userId) {
    return sql.preparedQuery(LIST)
        .execute(Tuple.of(userId))
        .map(rows -> {
          List<JsonObject> addresses = new ArrayList<>();
          rows.forEach(row -> addresses.add(Address.toJson(row)));
          return addresses;
        });
  }

  private static final String FIND = """
      SELECT %s FROM users.addresses WHERE id = $1 AND user_id = $2""".formatted(Address.COLUMNS);

  Future<Optional<JsonObject>> find(SqlClient sql, UUID userId, UUID id) {
    return sql.preparedQuery(FIND)
        .execute(Tuple.of(id, userId))
        .map(AddressRepository::first);
  }

  private static final String COUNT = """
      SELECT count(*) FROM users.addresses WHERE user_id = $1""";

  Future<Long> count(SqlClient sql, UUID userId) {
    return SqlSupport.count(sql, COUNT, Tuple.of(userId));
  }

  private static final String INSERT = """
      INSERT INTO users.addresses (user_id, receiver, phone, province, city, district, detail, postal_code, is_default)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      RETURNING %s""".formatted(Address.COLUMNS);

  Future<JsonObject> insert(SqlClient sql, UUID userId, Address address, boolean isDefault) {
    return sql.preparedQuery(INSERT)
        .execute(address.addTo(Tuple.of(userId)).addValue(isDefault))
        .map(rows -> Address.toJson(rows.iterator().next()));
  }

  private static final String UPDATE = """
      UPDATE users.addresses SET receiver = $3, phone = $4, province = $5, city = $6, district = $7, detail = $8,
        postal_code = $9, updated_at = now()
      WHERE id = $1 AND user_id = $2
      RETURNING %s""".formatted(Address.COLUMNS);

  Future<Optional<JsonObject>> update(SqlClient sql, UUID userId, UUID id, Address address) {
    return sql.preparedQuery(UPDATE)
        .execute(address.addTo(Tuple.of(id, userId)))
        .map(AddressRepository::first);
  }

  private static final String DELETE = """
      DELETE FROM users.addresses WHERE id = $1 AND user_id = $2 RETURNING is_default""";

  /** Deletes the address; answers whether it was the default, or empty if the user has no such address. */
  Future<Optional<Boolean>> delete(SqlClient sql, UUID userId, UUID id) {
    return sql.preparedQuery(DELETE)
        .execute(Tuple.of(id, userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getBoolean(0)));
  }

  private static final String CLEAR_OTHER_DEFAULTS = """
      UPDATE users.addresses SET is_default = false
      WHERE user_id = $1 AND is_default AND id <> $2""";
  private static final String MAKE_DEFAULT = """
      UPDATE users.addresses SET is_default = true, updated_at = now()
      WHERE id = $1 AND user_id = $2
      RETURNING %s""".formatted(Address.COLUMNS);

  /** Makes the address the user's only default; empty if the user has no such address. */
  Future<Optional<JsonObject>> makeDefault(SqlClient sql, UUID userId, UUID id) {
    return sql.preparedQuery(CLEAR_OTHER_DEFAULTS)
        .execute(Tuple.of(userId, id))
        .compose(cleared -> sql.preparedQuery(MAKE_DEFAULT)
            .execute(Tuple.of(id, userId)))
        .map(AddressRepository::first);
  }

  private static final String CLEAR_DEFAULT = """
      UPDATE users.addresses SET is_default = false WHERE user_id = $1 AND is_default""";

  Future<Void> clearDefault(SqlClient sql, UUID userId) {
    return sql.preparedQuery(CLEAR_DEFAULT)
        .execute(Tuple.of(userId))
        .mapEmpty();
  }

  private static final String PROMOTE_NEWEST = """
      UPDATE users.addresses SET is_default = true
      WHERE id = (SELECT id FROM users.addresses WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 1)""";

  Future<Void> promoteNewest(SqlClient sql, UUID userId) {
    return sql.preparedQuery(PROMOTE_NEWEST)
        .execute(Tuple.of(userId))
        .mapEmpty();
  }

  private static Optional<JsonObject> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(Address.toJson(rows.iterator().next()));
  }
}
