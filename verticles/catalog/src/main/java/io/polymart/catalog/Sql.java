package io.polymart.catalog;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;

import java.util.Map;

/** Small helpers shared by the catalog repositories. */
final class Sql {
  private Sql() {
  }

  /** An ISO-8601 UTC timestamp of a timestamptz column, for JSON built in SQL. */
  static String iso(String column) {
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
  }

  /**
   * Turns a unique-constraint violation into the 409 the caller should see; {@code conflicts} maps constraint
   * names to error code and message.
   */
  static <T> Future<T> mapConflicts(Future<T> future, Map<String, ServiceException> conflicts) {
    return future.recover(failure -> {
      if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())
          && conflicts.containsKey(pg.getConstraint())) {
        return Future.failedFuture(conflicts.get(pg.getConstraint()));
      }
      return Future.failedFuture(failure);
    });
  }

  /** Escapes LIKE wildcards so user text matches literally. */
  static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
