package io.polymart.core.error;

import io.vertx.pgclient.PgException;
import io.vertx.redis.client.impl.types.ErrorType;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a backend that is down, restarting or overloaded (the caller should retry later: 503) from a defect (500).
 * It looks at the whole cause chain, since clients wrap the network failure.
 */
public final class BackendOutage {
  /** Client exceptions that mean "the server is not reachable right now", by class or superclass name. */
  private static final Set<String> OUTAGE_TYPES = Set.of(
      "io.vertx.sqlclient.ClosedConnectionException",
      "io.vertx.core.impl.NoStackTraceTimeoutException",
      "io.netty.channel.ConnectTimeoutException",
      "com.mongodb.MongoSocketException",
      "com.mongodb.MongoTimeoutException",
      "com.mongodb.MongoNotPrimaryException",
      "com.mongodb.MongoNodeIsRecoveringException",
      "org.apache.kafka.common.errors.RetriableException",
      "io.minio.errors.ServerException");
  /**
   * Redis answers while it loads its data after a restart, or cannot write; and the client's own error for a
   * request whose connection dropped.
   */
  private static final Set<String> REDIS_TRANSIENT =
      Set.of("LOADING", "MASTERDOWN", "TRYAGAIN", "BUSY", "MISCONF", "CLUSTERDOWN", "CONNECTION_CLOSED");
  /** Connection exception, insufficient resources, operator intervention (shutdown, crash, starting up). */
  private static final Set<String> PG_TRANSIENT_CLASSES = Set.of("08", "53", "57");

  private BackendOutage() {
  }

  public static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof TimeoutException || isOutageType(t.getClass())) {
        return true;
      }
      if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().length() == 5
          && PG_TRANSIENT_CLASSES.contains(pg.getSqlState().substring(0, 2))
          && !"57014".equals(pg.getSqlState())) {
        return true;
      }
      if (t instanceof ErrorType redis && redis.getMessage() != null
          && REDIS_TRANSIENT.contains(redis.getMessage().split(" ", 2)[0])) {
        return true;
      }
      if (isClosedConnection(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOutageType(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (OUTAGE_TYPES.contains(c.getName())) {
        return true;
      }
    }
    return false;
  }

  /** Vert.x clients fail pending requests with a plain VertxException when their connection drops. */
  private static boolean isClosedConnection(Throwable t) {
    String message = t.getMessage();
    return t instanceof io.vertx.core.VertxException && message != null
        && (message.contains("Connection is closed") || message.contains("Connection closed")
        || message.contains("Cannot connect") || message.contains("connection reset"));
  }
}
