package io.polymart.users;

import io.polymart.core.bus.Paging;
import io.polymart.core.db.SqlSupport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code users.accounts} table. */
final class AccountRepository {

  private static final String INSERT = """
      INSERT INTO users.accounts (email, password_hash, username, phone, roles)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (email) DO NOTHING
      RETURNING %s""".formatted(Account.COLUMNS);

  Future<Optional<Account>> insert(SqlClient sql, String email, String passwordHash, String username, String phone,
      List<String> roles) {
    return sql.preparedQuery(INSERT)
        .execute(Tuple.of(email, passwordHash, username, phone, roles.toArray(String[]::new)))
        .map(AccountRepository::first);
  }

  private static final String BY_EMAIL = """
      SELECT %s FROM users.accounts WHERE email = $1""".formatted(Account.COLUMNS);

  Future<Optional<Account>> byEmail(SqlClient sql, String email) {
    return sql.preparedQuery(BY_EMAIL)
        .execute(Tuple.of(email))
        .map(AccountRepository::first);
  }

  private static final String BY_ID = """
      SELECT %s FROM users.accounts WHERE id = $1""".formatted(Account.COLUMNS);

  Future<Optional<Account>> byId(SqlClient sql, UUID id) {
    return sql.preparedQuery(BY_ID)
        .execute(Tuple.of(id))
        .map(AccountRepository::first);
  }

  private static final String LOCK = """
      SELECT %s FROM users.accounts WHERE id = $1 FOR UPDATE""".formatted(Account.COLUMNS);

  /** Locks the account row: serialises changes that must keep per-user invariants. */
  Future<Optional<Account>> lock(SqlClient sql, UUID id) {
    return sql.preparedQuery(LOCK)
        .execute(Tuple.of(id))
        .map(AccountRepository::first);
  }

  private static final String UPDATE = """
      UPDATE users.accounts SET %%s
      WHERE id = $1
      RETURNING %s""".formatted(Account.COLUMNS);

  /** Sets the given columns; names come from the caller's fixed list, values are parameters. */
  Future<Optional<Account>> update(SqlClient sql, UUID id, Map<String, Object> columns) {
    List<String> assignments = new ArrayList<>();
    Tuple values = Tuple.tuple().addValue(id);
    for (Map.Entry<String, Object> column : columns.entrySet()) {
      values.addValue(column.getValue());
      assignments.add(column.getKey() + " = $" + values.size());
    }
    assignments.add("updated_at = now()");
    return sql.preparedQuery(UPDATE.formatted(String.join(", ", assignments)))
        .execute(values)
        .map(AccountRepository::first);
  }

  private static final String BUMP_TOKEN_VERSION = """
      UPDATE users.accounts SET token_version = token_version + 1, token_version_at = now()
      WHERE id = $1
      RETURNING token_version""";

  /** Makes every access token issued so far for the account stale; answers the new version. */
  Future<Integer> bumpTokenVersion(SqlClient sql, UUID id) {
    return sql.preparedQuery(BUMP_TOKEN_VERSION)
        .execute(Tuple.of(id))
        .map(rows -> rows.iterator().next().getInteger(0));
  }

  private static final String SEARCH_FILTER = """
      FROM users.accounts
      WHERE $1::text IS NULL OR email ILIKE $1 OR username ILIKE $1""";
  /** The page with the number of all matching accounts, counted in the same snapshot as the page was read. */
  private static final String SEARCH = """
      SELECT %s, count(*) OVER () AS total
      %s
      ORDER BY created_at, id
      LIMIT $2 OFFSET $3""".formatted(Account.COLUMNS, SEARCH_FILTER);
  /** Only for a page past the last one, which has no row to carry the total. */
  private static final String SEARCH_COUNT = """
      SELECT count(*)
      %s""".formatted(SEARCH_FILTER);

  /** A page of the accounts whose email or username contains {@code query} (all for null), as the API lists them. */
  Future<JsonObject> search(SqlClient sql, String query, Paging paging) {
    String pattern = query == null ? null : "%" + escapeLike(query) + "%";
    return sql.preparedQuery(SEARCH)
        .execute(Tuple.of(pattern, paging.size(), (long) paging.offset()))
        .compose(rows -> SqlSupport.countedPage(rows, paging, row -> Account.from(row).toJson(),
            () -> SqlSupport.count(sql, SEARCH_COUNT, Tuple.of(pattern))));
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Optional<Account> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(Account.from(rows.iterator().next()));
  }
}
