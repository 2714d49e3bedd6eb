package io.polymart.core.db;

import io.polymart.core.error.BackendOutage;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends reads that may be a moment stale to PostgreSQL streaming replicas, and the rest of the time to the primary.
 * Once a second it reads the primary's WAL position and each replica's replay position: a replica's lag is how long
 * it has been missing WAL the primary had (0 while it has everything the primary had at the last check, even if
 * nothing was written for hours). A replica that is down, not in recovery, or more than {@code maxLagSeconds} behind
 * gets no reads until a check finds it fit again; a read that fails on a replica (other than with the query's own
 * answer, a {@link ServiceException}) runs again on the primary, so a replica's crash fails no request. One
 * instance per verticle instance, used from its event loop only.
 */
public final class ReadReplicas {
  private static final Logger LOG = LoggerFactory.getLogger(ReadReplicas.class);
  static final long CHECK_MILLIS = 1000;
  /** A replica that answers nothing for this long (hung, or its host gone silent) is read around. */
  private static final long READ_TIMEOUT_MILLIS = 2000;
  private final Vertx vertx;
  private final SqlClient primary;
  private final List<Replica> replicas = new ArrayList<>();
  private final long maxLagMillis;
  /** The primary's WAL position at recent checks, oldest first: {@code [nanoTime, lsn]}. */
  private final ArrayDeque<long[]> primaryPositions = new ArrayDeque<>();
  private final long timer;
  private int next;
  private boolean reporting;

  /** One replica: its client and what the last check found. */
  private static final class Replica {
    final String name;
    final SqlClient client;
    boolean up;
    long lagMillis = -1;

    Replica(String name, SqlClient client) {
      this.name = name;
      this.client = client;
    }

    boolean usable(long maxLagMillis) {
      return up && lagMillis >= 0 && lagMillis <= maxLagMillis;
    }
  }

  ReadReplicas(Vertx vertx, SqlClient primary, List<SqlClient> replicaClients, int maxLagSeconds) {
    this.vertx = vertx;
    this.primary = primary;
    this.maxLagMillis = maxLagSeconds * 1000L;
    for (int i = 0; i < replicaClients.size(); i++) {
      replicas.add(new Replica("replica-" + (i + 1), replicaClients.get(i)));
    }
    this.timer = replicas.isEmpty() ? -1 : vertx.setPeriodic(1, CHECK_MILLIS, id -> check());
  }

  /**
   * Logs each replica's changes (down, lagging, taking reads) at INFO rather than DEBUG: for one instance per node
   * (the readiness probes'), so that a change is told once, not by every verticle instance.
   */
  public ReadReplicas reportingChanges() {
    reporting = true;
    return this;
  }

  /** Runs {@code query} on a usable replica, or on the primary when there is none or the replica fails. */
  public <T> Future<T> read(Function<SqlClient, Future<T>> query) {
    Replica replica = pick();
    if (replica == null) {
      return query.apply(primary);
    }
    return query.apply(replica.client).timeout(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).recover(failure -> {
      if (failure instanceof ServiceException) {
        return Future.failedFuture(failure); // the query's own answer (a 404, say), not the replica's fault
      }
      LOG.debug("Read on {} failed, reading from the primary: {}", replica.name, failure.toString());
      if (BackendOutage.is(failure)) {
        replica.up = false; // until a check finds it back
      }
      return query.apply(primary);
    });
  }

  /** Runs {@code query} on the primary: for a caller's reads right after their own writes. */
  public <T> Future<T> fromPrimary(Function<SqlClient, Future<T>> query) {
    return query.apply(primary);
  }

  /** Each replica as the last check found it: {@code {name, status: up|lagging|down, lagSeconds}}. */
  public JsonArray status() {
    JsonArray status = new JsonArray();
    for (Replica replica : replicas) {
      status.add(new JsonObject().put("name", replica.name)
          .put("status", !replica.up ? "down" : replica.usable(maxLagMillis) ? "up" : "lagging")
          .put("lagSeconds", replica.up && replica.lagMillis >= 0 ? replica.lagMillis / 1000.0 : null));
    }
    return status;
  }

  private Replica pick() {
    for (int i = 0; i < replicas.size(); i++) {
      Replica replica = replicas.get(Math.floorMod(next++, replicas.size()));
      if (replica.usable(maxLagMillis)) {
        return replica;
      }
    }
    return null;
  }

  private void check() {
    primary.query("SELECT pg_current_wal_lsn()::text").execute().onComplete(read -> {
      if (read.failed()) {
        return; // nothing to compare with; reads fail over to the primary's own outage handling meanwhile
      }
      long now = System.nanoTime();
      primaryPositions.addLast(new long[] {now, lsn(read.result().iterator().next().getString(0))});
      while (primaryPositions.size() > 2 && now - primaryPositions.peekFirst()[0] > (maxLagMillis + 2 * CHECK_MILLIS)
          * 1_000_000) {
        primaryPositions.removeFirst();
      }
      replicas.forEach(this::check);
    });
  }

  private void check(Replica replica) {
    replica.client.query("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text").execute()
        .timeout(CHECK_MILLIS, TimeUnit.MILLISECONDS)
        .onComplete(read -> {
          boolean wasUsable = replica.usable(maxLagMillis);
          if (read.failed()) {
            replica.up = false;
          } else {
            Row row = read.result().iterator().next();
            replica.up = row.getBoolean(0) && row.getString(1) != null;
            replica.lagMillis = replica.up ? lagMillis(lsn(row.getString(1))) : -1;
          }
          if (wasUsable != replica.usable(maxLagMillis) && (reporting || LOG.isDebugEnabled())) {
            String change = replica.usable(maxLagMillis) ? "takes reads"
                : read.failed() ? "is down: " + read.cause().getMessage() : replica.up
                ? "is more than " + maxLagMillis / 1000 + " s behind: reads go to the primary"
                : "is not a replica in recovery: it gets no reads";
            if (reporting) {
              LOG.info("PostgreSQL {} {}", replica.name, change);
            } else {
              LOG.debug("PostgreSQL {} {}", replica.name, change);
            }
          }
        });
  }

  /** How long the replica at {@code replayed} has been missing WAL the primary had; 0 when it has all of it. */
  private long lagMillis(long replayed) {
    long now = System.nanoTime();
    for (long[] position : primaryPositions) {
      if (position[1] > replayed) {
        return (now - position[0]) / 1_000_000;
      }
    }
    return 0;
  }

  /** A WAL position {@code X/Y} (hexadecimal halves) as one number. */
  static long lsn(String text) {
    int slash = text.indexOf('/');
    return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
  }

  public Future<Void> close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.join(replicas.stream().map(replica -> replica.client.close()).toList()).mapEmpty();
  }
}
