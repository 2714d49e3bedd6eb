package bench;

import io.vertx.core.Future;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bare Vert.x reference bench/run measures the platform against, on the platform's own PostgreSQL (schema
 * {@code bench_reference}): {@code GET /json} (a JSON route), {@code GET /db} (one pooled SELECT by primary key) and
 * {@code POST /tx} (one transaction: a conditional stock UPDATE and an INSERT, as a checkout's smallest step).
 * One verticle instance per core, each with its own pool, as a Vert.x application would be written.
 *
 * <p>Usage: {@code java -jar bench-reference.jar HTTP_PORT PG_PORT} (PostgreSQL on 127.0.0.1, database, user and
 * password {@code polymart}, as the platform's embedded one).
 */
public final class Reference extends VerticleBase {
  private static final int WORLD_ROWS = 10_000;
  private static final int STOCK_ROWS = 50;
  private static final Buffer HELLO = new JsonObject().put("message", "Hello, World!").toBuffer();

  private final int httpPort;
  private final PgConnectOptions database;
  private Pool pool;

  private Reference(int httpPort, PgConnectOptions database) {
    this.httpPort = httpPort;
    this.database = database;
  }

  public static void main(String[] args) {
    int httpPort = Integer.parseInt(args[0]);
    PgConnectOptions database = new PgConnectOptions().setHost("127.0.0.1").setPort(Integer.parseInt(args[1]))
        .setDatabase("polymart").setUser("polymart").setPassword("polymart").setCachePreparedStatements(true);
    Vertx vertx = Vertx.vertx();
    int instances = Runtime.getRuntime().availableProcessors();
    createTables(vertx, database)
        .compose(v -> vertx.deployVerticle(() -> new Reference(httpPort, database),
            new DeploymentOptions().setInstances(instances)))
        .onSuccess(id -> System.out.println("reference listening on " + httpPort))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  private static Future<Void> createTables(Vertx vertx, PgConnectOptions database) {
    Pool setup = PgBuilder.pool().connectingTo(database).using(vertx).build();
    return setup.query("""
            CREATE SCHEMA IF NOT EXISTS bench_reference;
            CREATE TABLE IF NOT EXISTS bench_reference.world (id int PRIMARY KEY, random_number int NOT NULL);
            INSERT INTO bench_reference.world SELECT i, (random() * 10000)::int FROM generate_series(1, %d) i
              ON CONFLICT DO NOTHING;
            CREATE TABLE IF NOT EXISTS bench_reference.stock (id int PRIMARY KEY, on_hand bigint NOT NULL);
            INSERT INTO bench_reference.stock SELECT i, 1000000000 FROM generate_series(1, %d) i ON CONFLICT DO NOTHING;
            CREATE TABLE IF NOT EXISTS bench_reference.sale (id bigserial PRIMARY KEY, stock_id int NOT NULL,
              at timestamptz NOT NULL DEFAULT now());
            """.formatted(WORLD_ROWS, STOCK_ROWS))
        .execute().eventually(setup::close).mapEmpty();
  }

  @Override
  public Future<?> start() {
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(database).using(vertx).build();
    return vertx.createHttpServer().requestHandler(this::handle).listen(httpPort);
  }

  private void handle(HttpServerRequest request) {
    switch (request.path()) {
      case "/json" -> request.response().putHeader("Content-Type", "application/json").end(HELLO);
      case "/db" -> pool.preparedQuery("SELECT id, random_number FROM bench_reference.world WHERE id = $1")
          .execute(Tuple.of(1 + ThreadLocalRandom.current().nextInt(WORLD_ROWS)))
          .onSuccess(rows -> {
            var row = rows.iterator().next();
            request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("id", row.getInteger(0)).put("randomNumber", row.getInteger(1)).toBuffer());
          })
          .onFailure(e -> request.response().setStatusCode(503).end());
      case "/tx" -> {
        int stock = 1 + ThreadLocalRandom.current().nextInt(STOCK_ROWS);
        pool.withTransaction(connection -> connection
                .preparedQuery("UPDATE bench_reference.stock SET on_hand = on_hand - 1 WHERE id = $1 AND on_hand > 0")
                .execute(Tuple.of(stock))
                .compose(updated -> connection
                    .preparedQuery("INSERT INTO bench_reference.sale (stock_id) VALUES ($1) RETURNING id")
                    .execute(Tuple.of(stock))))
            .onSuccess(rows -> request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("id", rows.iterator().next().getLong(0)).toBuffer()))
            .onFailure(e -> request.response().setStatusCode(503).end());
      }
      default -> request.response().setStatusCode(404).end();
    }
  }
}
