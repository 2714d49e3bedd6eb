package io.polymart.core.db;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnectOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** PostgreSQL connection settings from {@code pg.*} and the pools built from them. */
public final class PgSettings {
  private static final int PIPELINING_LIMIT = 256;
  private final PgConnectOptions connectOptions;
  private final String socketDirectory;
  private final int poolSize;
  private final List<PgConnectOptions> replicas;
  private final int maxReplicaLagSeconds;
  private final int readYourWritesSeconds;

  private PgSettings(PgConnectOptions connectOptions, String socketDirectory, int poolSize,
      List<PgConnectOptions> replicas, int maxReplicaLagSeconds, int readYourWritesSeconds) {
    this.connectOptions = connectOptions;
    this.socketDirectory = socketDirectory;
    this.poolSize = poolSize;
    this.replicas = replicas;
    this.maxReplicaLagSeconds = maxReplicaLagSeconds;
    this.readYourWritesSeconds = readYourWritesSeconds;
  }

  public static PgSettings from(JsonObject config) {
    JsonObject pg = config.getJsonObject("pg");
    PgConnectOptions options = PgConnectOptions.fromUri(pg.getString("url"))
        .setCachePreparedStatements(true);
    List<PgConnectOptions> replicas = pg.getJsonArray("replicaUrls").stream()
        .map(url -> PgConnectOptions.fromUri((String) url).setCachePreparedStatements(true))
        .toList();
    return new PgSettings(options, pg.getString("socketDirectory", ""), pg.getInteger("poolSize"), replicas,
        pg.getInteger("maxReplicaLagSeconds"), pg.getInteger("readYourWritesSeconds"));
  }

  /**
   * Where reads that may be a moment stale go: the replicas of {@code pg.replicaUrls} that are up and at most
   * {@code pg.maxReplicaLagSeconds} behind, else {@code primaryReads}.
   */
  public ReadReplicas readReplicas(Vertx vertx, SqlClient primaryReads, String name) {
    // a pool like the primary's, without pipelining: a replica runs the heavy reads (searches), which a pipeline
    // would queue one behind another on one connection (measured: the replica then used under one core)
    List<SqlClient> clients = replicas.stream().<SqlClient>map(options -> PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(poolSize).setName(name + "-replica"))
        .connectingTo(options)
        .using(vertx)
        .build()).toList();
    return new ReadReplicas(vertx, primaryReads, clients, maxReplicaLagSeconds);
  }

  /** Whether {@code pg.replicaUrls} names any replica. */
  public boolean hasReplicas() {
    return !replicas.isEmpty();
  }

  public int maxReplicaLagSeconds() {
    return maxReplicaLagSeconds;
  }

  /**
   * Who wrote within {@code pg.readYourWritesSeconds}, kept under {@code redisPrefix}; {@link RecentWriters#NONE}
   * without replicas (the Redis client is then not even asked for).
   */
  public RecentWriters recentWriters(Supplier<RedisAPI> redis, String redisPrefix) {
    return replicas.isEmpty() ? RecentWriters.NONE
        : new RecentWriters(redis.get(), redisPrefix, readYourWritesSeconds);
  }

  /**
   * A pool for transactions; prepared statements are cached per connection. {@code name} (the module's) labels its
   * metrics; the pools of one name on a node (a verticle's instances) are measured together.
   */
  public Pool pool(Vertx vertx, String name) {
    return pool(vertx, name, connectOptions);
  }

  /**
   * As {@link #pool}, for a module whose statements on it are all constants in its code (none built per request, as
   * the catalog's searches are): each is prepared once per connection however long it is. Vert.x caches statements
   * under 2,048 characters only, so a longer one (an order written and answered as JSON in one statement) was parsed
   * and planned again on every run.
   */
  public Pool poolOfConstantStatements(Vertx vertx, String name) {
    return pool(vertx, name, new PgConnectOptions(connectOptions).setPreparedStatementCacheSqlFilter(sql -> true));
  }

  /**
   * As {@link #pool}, for a module that also builds statements per request (the catalog's searches, not worth a
   * prepared statement each), with a few constant ones over Vert.x's 2,048 characters ({@code longConstants}): those
   * are prepared once per connection too, where Vert.x would parse and plan them again on every run.
   */
  public Pool pool(Vertx vertx, String name, Set<String> longConstants) {
    return pool(vertx, name, new PgConnectOptions(connectOptions).setPreparedStatementCacheSqlFilter(
        SqlConnectOptions.DEFAULT_PREPARED_STATEMENT_CACHE_FILTER.or(longConstants::contains)));
  }

  private Pool pool(Vertx vertx, String name, PgConnectOptions options) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(poolSize).setName(name))
        .connectingTo(nearest(vertx, options))
        .using(vertx)
        .build();
  }

  /**
   * A client for independent reads that pipelines queries on its connections (in Vert.x 5 only
   * {@code PgBuilder.client()} pipelines; a {@code Pool} sends one query at a time per connection).
   * Not for transactions.
   */
  public SqlClient readClient(Vertx vertx, String name) {
    // pipelining needs few connections: a quarter of the pool's
    return PgBuilder.client()
        .with(new PoolOptions().setMaxSize(Math.max(1, poolSize / 4)).setName(name + "-reads"))
        .connectingTo(nearest(vertx, new PgConnectOptions(connectOptions).setPipeliningLimit(PIPELINING_LIMIT)))
        .using(vertx)
        .build();
  }

  /**
   * Through the Unix domain socket in {@code pg.socketDirectory}, when set and when Vert.x runs on a native transport
   * (vertx-pg-client 5.0 connects to a socket on no other); else to {@code pg.url}'s host. A statement sent through
   * the socket skips the kernel's TCP work on both ends.
   */
  private PgConnectOptions nearest(Vertx vertx, PgConnectOptions options) {
    return socketDirectory.isEmpty() || !vertx.isNativeTransportEnabled() ? options
        : new PgConnectOptions(options).setHost(socketDirectory);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + connectOptions.getHost() + ":" + connectOptions.getPort() + "/"
        + connectOptions.getDatabase();
  }

  public String user() {
    return connectOptions.getUser();
  }

  public String password() {
    return connectOptions.getPassword();
  }
}
