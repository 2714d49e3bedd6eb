package bench;

import io.vertx.core.Future;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.JsonArray;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * The bare Vert.x reference bench/run measures the platform against, on the platform's own PostgreSQL (schema
 * {@code bench_reference}): {@code GET /json} (a JSON route), {@code GET /db} (one pooled SELECT by primary key) and
 * {@code POST /tx} (one transaction: a conditional stock UPDATE and an INSERT, as a checkout's smallest step).
 * With the platform's Redis, the least a cached page or a cart kept in Redis can cost: {@code GET /redis-get} (one
 * Redis GET, then a fixed answer of a product page's size, as a cache hit checked for freshness in a shared store
 * would be) and {@code /redis-cart} (one Lua script that sets a line of one of 64 carts of up to 50 lines and
 * returns them all, answered as a JSON object of its lines: an add to a cart kept as a Redis hash, with Redis's own
 * durability, and no catalog). {@code GET /page}: a product page's bytes as they are; {@code GET /bus-page}: the same
 * bytes asked for over the event bus from a verticle on another event loop, as the platform's gateway asks the
 * verticle that owns the data (DESIGN section 1): the least an answer of that architecture costs. One verticle
 * instance per core, each with its own pools, as a Vert.x application would be written, and as many page verticles;
 * on the platform's transport (Netty's native epoll where it loads, NIO elsewhere), reaching PostgreSQL
 * the way the platform does (bench/run passes its Unix domain socket where the platform uses one).
 *
 * <p>Usage: {@code java -jar bench-reference.jar HTTP_PORT PG_URI [REDIS_URI PAGE_BYTES]}: vertx-pg-client's URI
 * ({@code postgresql://polymart:polymart@127.0.0.1:PORT/polymart}, {@code ?host=<socket directory>} for the socket),
 * the Redis client's ({@code redis://127.0.0.1:PORT}).
 */
public final class Reference extends VerticleBase {
  private static final int WORLD_ROWS = 10_000;
  private static final int STOCK_ROWS = 50;
  private static final int CARTS = 64;
  private static final List<String> CART_SKUS = IntStream.range(0, 50)
      .mapToObj(i -> new UUID(0, i).toString()).toList();
  private static final String CART_LINE = "{\"quantity\":%d,\"selected\":true,\"addedPrice\":\"10.00\","
      + "\"addedAt\":\"2026-12-06T12:00:00.000Z\"}";
  private static final String SET_LINE = """
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
      return redis.call('HGETALL', KEYS[1])""";
  private static final String PAGE_ADDRESS = "bench.page";
  private static final Buffer HELLO = new JsonObject().put("message", "Hello, World!").toBuffer();

  private final int httpPort;
  private final PgConnectOptions database;
  private final String redisUri;
  private final Buffer page;
  private Pool pool;
  private RedisAPI redis;
  private String setLine;

  private Reference(int httpPort, PgConnectOptions database, String redisUri, Buffer page) {
    this.httpPort = httpPort;
    this.database = database;
    this.redisUri = redisUri;
    this.page = page;
  }

  public static void main(String[] args) {
    int httpPort = Integer.parseInt(args[0]);
    PgConnectOptions database = PgConnectOptions.fromUri(args[1]).setCachePreparedStatements(true);
    String redisUri = args.length > 2 ? args[2] : null;
    Buffer page = args.length > 3 ? pageOf(Integer.parseInt(args[3])) : HELLO;
    Vertx vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
    System.out.println("reference on " + (vertx.isNativeTransportEnabled() ? "the native transport" : "NIO"));
    int instances = Runtime.getRuntime().availableProcessors();
    createTables(vertx, database)
        .compose(v -> vertx.deployVerticle(() -> new Reference(httpPort, database, redisUri, page),
            new DeploymentOptions().setInstances(instances)))
        // deployed after the HTTP verticles, so on the event loops after theirs
        .compose(v -> vertx.deployVerticle(() -> new PageVerticle(page),
            new DeploymentOptions().setInstances(instances)))
        .onSuccess(id -> System.out.println("reference listening on " + httpPort))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  /** A JSON answer of about {@code bytes} bytes. */
  private static Buffer pageOf(int bytes) {
    JsonArray words = new JsonArray();
    while (words.encode().length() < bytes) {
      words.add("word" + words.size());
    }
    return new JsonObject().put("page", words).toBuffer();
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
    Future<?> scripts = Future.succeededFuture();
    if (redisUri != null) {
      redis = RedisAPI.api(Redis.createClient(vertx, new RedisOptions()
          .setConnectionString(redisUri).setMaxPoolSize(8).setMaxPoolWaiting(1024)));
      scripts = redis.script(List.of("LOAD", SET_LINE)).onSuccess(sha -> setLine = sha.toString());
    }
    return scripts.compose(v -> vertx.createHttpServer().requestHandler(this::handle).listen(httpPort));
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
      case "/redis-get" -> redis.get("bench_reference:generation")
          .onSuccess(generation -> request.response().putHeader("Content-Type", "application/json").end(page))
          .onFailure(e -> request.response().setStatusCode(503).end());
      case "/redis-cart" -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        redis.evalsha(List.of(setLine, "1", "bench_reference:cart:" + random.nextInt(CARTS),
                CART_SKUS.get(random.nextInt(CART_SKUS.size())), CART_LINE.formatted(1 + random.nextInt(9))))
            .onSuccess(lines -> request.response().putHeader("Content-Type", "application/json").end(cart(lines)))
            .onFailure(e -> request.response().setStatusCode(503).end());
      }
      case "/page" -> request.response().putHeader("Content-Type", "application/json").end(page);
      case "/bus-page" -> vertx.eventBus().<Buffer>request(PAGE_ADDRESS, null)
          .onSuccess(reply -> request.response().putHeader("Content-Type", "application/json").end(reply.body()))
          .onFailure(e -> request.response().setStatusCode(503).end());
      default -> request.response().setStatusCode(404).end();
    }
  }

  /** Answers every request on {@value #PAGE_ADDRESS} with the page's bytes, as a cache hit kept in memory would. */
  private static final class PageVerticle extends VerticleBase {
    private final Buffer page;

    private PageVerticle(Buffer page) {
      this.page = page;
    }

    @Override
    public Future<?> start() {
      return vertx.eventBus().<Void>consumer(PAGE_ADDRESS, message -> message.reply(page)).completion();
    }
  }

  /** HGETALL's field, value, field, value... as a JSON object of each line's JSON. */
  private static Buffer cart(Response lines) {
    JsonObject cart = new JsonObject();
    for (int i = 0; i + 1 < lines.size(); i += 2) {
      cart.put(lines.get(i).toString(), new JsonObject(lines.get(i + 1).toString()));
    }
    return cart.toBuffer();
  }
}
