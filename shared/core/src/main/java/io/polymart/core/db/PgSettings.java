package io.polymart.core.db;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** PostgreSQL connection settings from {@code pg.*} and the pools built from them. */
public final class PgSettings {
  private static final int PIPELINING_LIMIT = 256;
  private final PgConnectOptions connectOptions;
  private final int poolSize;

  private PgSettings(PgConnectOptions connectOptions, int poolSize) {
    this.connectOptions = connectOptions;
    this.poolSize = poolSize;
  }

  public static PgSettings from(JsonObject config) {
    JsonObject pg = config.getJsonObject("pg");
    PgConnectOptions options = PgConnectOptions.fromUri(pg.getString("url"))
        .setCachePreparedStatements(true);
    return new PgSettings(options, pg.getInteger("poolSize"));
  }

  /** A pool for transactions; prepared statements are cached per connection. */
  public Pool pool(Vertx vertx) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(poolSize))
        .connectingTo(connectOptions)
        .using(vertx)
        .build();
  }

  /**
   * A client for independent reads that pipelines queries on its connections (in Vert.x 5 only
   * {@code PgBuilder.client()} pipelines; a {@code Pool} sends one query at a time per connection).
   * Not for transactions.
   */
  public SqlClient readClient(Vertx vertx) {
    // pipelining needs few connections: a quarter of the pool's
    return PgBuilder.client()
        .with(new PoolOptions().setMaxSize(Math.max(1, poolSize / 4)))
        .connectingTo(new PgConnectOptions(connectOptions).setPipeliningLimit(PIPELINING_LIMIT))
        .using(vertx)
        .build();
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
