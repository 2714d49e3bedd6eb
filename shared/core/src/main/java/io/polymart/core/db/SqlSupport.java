package io.polymart.core.db;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;

import java.util.Map;

/** Small SQL helpers every repository needs. */
public final class SqlSupport {
  private SqlSupport() {
  }

  /** An ISO-8601 UTC timestamp of a timestamptz column, for JSON built in SQL. */
  public static String iso(String column) {
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
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
