package io.polymart.core.db;

import io.polymart.core.bus.Paging;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Small SQL helpers every repository needs. */
public final class SqlSupport {
  private SqlSupport() {
  }

  /** An ISO-8601 UTC timestamp of a timestamptz column, for JSON built in SQL. */
  public static String iso(String column) {
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
  }

  /**
   * The page of a statement that selects {@code count(*) OVER () AS total} beside each row: its items and the number
   * of all the rows its query matches, counted in the same snapshot as the page was read. A page past the last one
   * has no row to carry that number: {@code countAll} counts them then.
   */
  public static Future<JsonObject> countedPage(Iterable<Row> rows, Paging paging, Function<Row, Object> item,
      Supplier<Future<Long>> countAll) {
    JsonArray items = new JsonArray();
    long total = 0;
    for (Row row : rows) {
      items.add(item.apply(row));
      total = row.getLong("total");
    }
    if (items.isEmpty() && paging.page() > 1) {
      return countAll.get().map(count -> paging.page(items, count));
    }
    return Future.succeededFuture(paging.page(items, total));
  }

  /** The single number a {@code SELECT count(*) ...} statement answers. */
  public static Future<Long> count(SqlClient sql, String statement, Tuple arguments) {
    return sql.preparedQuery(statement).execute(arguments).map(rows -> rows.iterator().next().getLong(0));
  }

  /** Whether {@code failure} is a unique-constraint violation of {@code constraint}. */
  public static boolean isUniqueViolation(Throwable failure, String constraint) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
        && constraint.equals(pg.getConstraint());
  }

  /**
   * Turns a unique-constraint violation into the error the caller should see; {@code conflicts} maps constraint
   * names to errors.
   */
  public static <T> Future<T> mapConflicts(Future<T> future, Map<String, ServiceException> conflicts) {
    return future.recover(failure -> {
      if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())
          && conflicts.containsKey(pg.getConstraint())) {
        return Future.failedFuture(conflicts.get(pg.getConstraint()));
      }
      return Future.failedFuture(failure);
    });
  }
}
