package io.polymart.backends;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded backends of local mode and tests: PostgreSQL and Redis as child processes, Kafka, MongoDB and S3
 * in-process, each on a free port on 127.0.0.1, with data under {@code dataDir/<backend>}.
 *
 * <pre>{@code
 * try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
 *      EmbeddedBackends backends = EmbeddedBackends.start(BackendsOptions.allEmbedded(dataDir, true))) {
 *   String pg = backends.postgresUrl().orElseThrow();
 *   ...
 * }
 * }</pre>
 *
 * A JVM shutdown hook closes the backends if {@link #close()} was not called (Ctrl-C in local mode). The PostgreSQL
 * and Redis processes are supervised: if one dies, it is started again on the same port and data until
 * {@link #close()}.
 */
public final class EmbeddedBackends implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBackends.class);
  /** Order of {@link #close()}: the consumers of other backends' data first, the databases last. */
  private static final List<Backend> CLOSE_ORDER =
      List.of(Backend.KAFKA, Backend.MONGO, Backend.S3, Backend.REDIS, Backend.POSTGRES);

  private final BackendsOptions options;
  private final Map<Backend, AutoCloseable> started;
  private final List<EmbeddedPostgres> replicas = new CopyOnWriteArrayList<>();
  private final Thread shutdownHook;
  private boolean closed;

  private EmbeddedBackends(BackendsOptions options, Map<Backend, AutoCloseable> started) {
    this.options = options;
    this.started = started;
    this.shutdownHook = new Thread(this::closeFromHook, "polymart-backends-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts the backends in {@code options.embedded()} in parallel and returns when all of them accept connections.
   * If any of them fails (or they are not all up within 180 s, system property
   * {@code polymart.backends.startTimeout} in seconds), the others are stopped and the failure is thrown.
   *
   * @throws IllegalStateException naming the backend(s) that did not start, with the cause(s)
   */
  public static EmbeddedBackends start(BackendsOptions options) {
    long startNanos = System.nanoTime();
    Path dir = options.dataDir();
    Map<Backend, CompletableFuture<AutoCloseable>> futures = new EnumMap<>(Backend.class);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, options.embedded().size()), r -> {
      Thread t = new Thread(r, "polymart-backends-start-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      for (Backend backend : Backend.values()) {
        if (options.isEmbedded(backend)) {
          futures.put(backend, CompletableFuture.supplyAsync(() -> startOne(backend, dir, options.persistent()),
              executor));
        }
      }
      Map<Backend, AutoCloseable> started = new EnumMap<>(Backend.class);
      List<String> failed = new ArrayList<>();
      List<Throwable> causes = new ArrayList<>();
      long deadline = System.nanoTime() + startTimeout().toNanos();
      for (Map.Entry<Backend, CompletableFuture<AutoCloseable>> e : futures.entrySet()) {
        Backend backend = e.getKey();
        Throwable cause = null;
        try {
          started.put(backend, e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (ExecutionException ex) {
          cause = ex.getCause() != null ? ex.getCause() : ex;
        } catch (TimeoutException ex) {
          cause = new TimeoutException(backend + " did not start within " + startTimeout());
          // whenever it does start, stop it again
          e.getValue().thenAccept(late -> closeQuietly(backend, late));
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          cause = ex;
          e.getValue().thenAccept(late -> closeQuietly(backend, late));
        }
        if (cause != null) {
          failed.add(backend.name());
          causes.add(cause);
        }
      }
      if (!causes.isEmpty()) {
        for (Backend backend : CLOSE_ORDER) {
          closeQuietly(backend, started.get(backend));
        }
        IllegalStateException thrown = new IllegalStateException("Embedded backend(s) " + failed
            + " did not start: " + causes.get(0).getMessage(), causes.get(0));
        causes.subList(1, causes.size()).forEach(thrown::addSuppressed);
        throw thrown;
      }
      LOG.debug("Embedded backends {} started in {} ms", started.keySet(),
          (System.nanoTime() - startNanos) / 1_000_000);
      return new EmbeddedBackends(options, started);
    } finally {
      executor.shutdown();
    }
  }

  /** How long {@link #start} waits: system property {@code polymart.backends.startTimeout} (seconds), default 180. */
  static Duration startTimeout() {
    return Duration.ofSeconds(Long.getLong("polymart.backends.startTimeout", 180));
  }

  private static AutoCloseable startOne(Backend backend, Path dir, boolean persistent) {
    return switch (backend) {
      case POSTGRES -> EmbeddedPostgres.start(dir.resolve("postgres"), persistent);
      case REDIS -> EmbeddedRedis.start(dir.resolve("redis"), persistent);
      case KAFKA -> EmbeddedKafka.start(dir.resolve("kafka"));
      case MONGO -> EmbeddedMongo.start(dir.resolve("mongo"), persistent);
      case S3 -> EmbeddedS3.start(dir.resolve("s3"));
    };
  }

  public BackendsOptions options() {
    return options;
  }

  /**
   * {@code postgresql://polymart:polymart@127.0.0.1:PORT/polymart}, the connection URI form of vertx-pg-client (the
   * server trusts local connections, the password is there for clients that insist on one).
   */
  public Optional<String> postgresUrl() {
    return get(Backend.POSTGRES, EmbeddedPostgres.class).map(EmbeddedPostgres::url);
  }

  /**
   * The directory where the embedded PostgreSQL also listens on a Unix domain socket (for {@code pg.socketDirectory}),
   * unless its path would be too long for one.
   */
  public Optional<String> postgresSocketDirectory() {
    return get(Backend.POSTGRES, EmbeddedPostgres.class).flatMap(EmbeddedPostgres::socketDirectory)
        .map(Path::toString);
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/polymart?user=polymart&password=polymart}, for JDBC tools (Flyway). */
  public Optional<String> postgresJdbcUrl() {
    return get(Backend.POSTGRES, EmbeddedPostgres.class).map(EmbeddedPostgres::jdbcUrl);
  }

  /**
   * Starts one more streaming replica of the embedded PostgreSQL, in {@code dataDir/postgres-replica-<n>}, and
   * returns its URL (same form as {@link #postgresUrl()}); it is read-only and stops with the primary.
   */
  public synchronized String startPostgresReplica() {
    EmbeddedPostgres primary = get(Backend.POSTGRES, EmbeddedPostgres.class)
        .orElseThrow(() -> new IllegalStateException("No embedded PostgreSQL to replicate"));
    int number = replicas.size() + 1;
    EmbeddedPostgres replica = primary.startReplica(options.dataDir().resolve("postgres-replica-" + number), number);
    replicas.add(replica);
    return replica.url();
  }

  /** The URLs of the replicas started so far, in order. */
  public List<String> postgresReplicaUrls() {
    return replicas.stream().map(EmbeddedPostgres::url).toList();
  }

  /** The postmaster pid of replica {@code index} (0-based), for fault tests; empty a moment after it died. */
  public Optional<Long> postgresReplicaPid(int index) {
    return replicas.get(index).postmasterPid();
  }

  /** {@code redis://127.0.0.1:PORT}. */
  public Optional<String> redisUrl() {
    return get(Backend.REDIS, EmbeddedRedis.class).map(EmbeddedRedis::url);
  }

  /** {@code 127.0.0.1:PORT}. */
  public Optional<String> kafkaBootstrapServers() {
    return get(Backend.KAFKA, EmbeddedKafka.class).map(EmbeddedKafka::bootstrapServers);
  }

  /** {@code mongodb://127.0.0.1:PORT}. */
  public Optional<String> mongoUrl() {
    return get(Backend.MONGO, EmbeddedMongo.class).map(EmbeddedMongo::url);
  }

  /** {@code http://127.0.0.1:PORT} with its access and secret key. */
  public Optional<S3Endpoint> s3() {
    return get(Backend.S3, EmbeddedS3.class).map(EmbeddedS3::endpoint);
  }

  /** The TCP port of a started backend (for tests and diagnostics). */
  public Optional<Integer> port(Backend backend) {
    AutoCloseable b = started.get(backend);
    if (b instanceof EmbeddedPostgres pg) {
      return Optional.of(pg.port());
    } else if (b instanceof EmbeddedRedis redis) {
      return Optional.of(redis.port());
    } else if (b instanceof EmbeddedKafka kafka) {
      return Optional.of(kafka.port());
    } else if (b instanceof EmbeddedMongo mongo) {
      return Optional.of(mongo.port());
    } else if (b instanceof EmbeddedS3 s3) {
      return Optional.of(s3.port());
    }
    return Optional.empty();
  }

  /**
   * The pid of a started backend's server process: the postmaster of PostgreSQL, redis-server; empty for the
   * in-process backends. For fault tests, to kill it as a crash would (SIGKILL via
   * {@link ProcessHandle#destroyForcibly()}); after a restart it is the new process's pid.
   */
  public Optional<Long> pid(Backend backend) {
    AutoCloseable b = started.get(backend);
    if (b instanceof EmbeddedPostgres pg) {
      return pg.postmasterPid();
    } else if (b instanceof EmbeddedRedis redis) {
      return Optional.of(redis.pid());
    }
    return Optional.empty();
  }

  private <T> Optional<T> get(Backend backend, Class<T> type) {
    return Optional.ofNullable(started.get(backend)).map(type::cast);
  }

  /**
   * Stops every started backend (Kafka, MongoDB, S3, Redis, PostgreSQL) and waits until the PostgreSQL and Redis
   * processes have exited. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running or will run, closing is idempotent
    }
    closeAll();
  }

  /**
   * For an owner that stops the backends itself from its own shutdown hook, after what depends on
   * them: JVM shutdown hooks run concurrently, so ours could stop the backends under live verticles.
   */
  public EmbeddedBackends ownedByCaller() {
    Runtime.getRuntime().removeShutdownHook(shutdownHook);
    return this;
  }

  private void closeFromHook() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    closeAll();
  }

  private void closeAll() {
    long startNanos = System.nanoTime();
    replicas.forEach(replica -> closeQuietly(Backend.POSTGRES, replica));
    for (Backend backend : CLOSE_ORDER) {
      closeQuietly(backend, started.get(backend));
    }
    LOG.debug("Embedded backends stopped in {} ms", (System.nanoTime() - startNanos) / 1_000_000);
  }

  private static void closeQuietly(Backend backend, AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Could not stop embedded {} cleanly", backend, e);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedBackends" + started.keySet() + " in " + options.dataDir();
  }
}
