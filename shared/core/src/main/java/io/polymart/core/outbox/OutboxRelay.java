package io.polymart.core.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.polymart.core.metrics.Meters;
import io.polymart.core.metrics.NodeGauge;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.kafka.client.producer.RecordMetadata;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the rows of an {@link Outbox} table to Kafka, at least once and in id order, then deletes them. Topic,
 * key and value of a record are the row's {@code topic}, {@code aggregate_id} and {@code payload}.
 *
 * <p>A round runs in one PostgreSQL transaction: {@code pg_try_advisory_xact_lock} on a key derived from the table
 * name (held by another relay of this table, on this node or another: skip the round, it is publishing), the first
 * {@value #BATCH} rows by id, a send of each, all acks, DELETE of those ids, commit. Only one relay per table
 * publishes at a time, so batches never overtake each other; the idempotent producer keeps the order within a
 * partition. The relays of a table on one node take turns before they try the lock ({@link RelayTurn}). A failed
 * round rolls back, so its rows are sent again (duplicates are possible, consumers deduplicate on the event id), and
 * the next one waits 250 ms doubling to 5 s. Rounds follow each other immediately while batches are full, then every
 * {@code pollIntervalMs} or on {@link #wakeUp()}.
 *
 * <p>Blocking: kafka-clients' {@code send()} blocks its caller for up to {@code max.block.ms} while it has no
 * metadata for the topic (first use, broker unreachable) or no buffer memory. The Vert.x producer calls it on a worker
 * context of its own, one task after the other, so an event loop never waits; but a batch sent to an unreachable
 * broker would keep that queue busy for {@code max.block.ms} per record. A round therefore first fetches the
 * partitions of its topics ({@code partitionsFor}: one bounded wait, failing the round), after which {@code send()}
 * only appends to the buffer.
 *
 * <p>Measured (when given the node's registry): events published and failed rounds, counted; and every
 * {@value #STATS_INTERVAL_MS} ms the backlog, rows not yet published and the age of the oldest, for the alerts on a
 * relay that cannot publish.
 */
public final class OutboxRelay {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  static final int BATCH = 200;
  private static final int SKIPPED = -1;
  private static final long FIRST_BACKOFF_MS = 250;
  private static final long MAX_BACKOFF_MS = 5_000;
  /** After finding another relay mid-round: it is done soon, and may not have seen our latest rows. */
  private static final long BUSY_RETRY_MS = 50;
  /** Safety net only: kafka-clients fails a send within max.block.ms + delivery.timeout.ms. */
  private static final long SEND_TIMEOUT_MS = 15_000;
  private static final long CLOSE_TIMEOUT_MS = 5_000;
  static final long STATS_INTERVAL_MS = 5_000;

  private final Vertx vertx;
  private final Context context;
  private final Pool pool;
  private final String table;
  private final long lockKey;
  private final long pollIntervalMs;
  private final String select;
  private final String delete;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failedRounds = new AtomicLong();
  private final RelayMeters meters;
  private final RelayTurn turn;

  // confined to the context's event loop
  private final RelayProducer producer;
  private boolean started;
  private boolean stopping;
  private boolean running;
  private boolean wokenUpWhileRunning;
  private Future<Integer> round = Future.succeededFuture(0);
  private long timerId = -1;
  private long statsTimerId = -1;
  private long backoffMs;
  private long outageStartNanos = -1;
  private long outageMs;
  private long caughtUp = -1;

  /**
   * The relay runs on the context it is created on: create it in the verticle's {@code start()}.
   *
   * @param table the schema-qualified outbox table, e.g. {@code catalog.outbox}
   * @param pollIntervalMs how often to look for rows nobody woke the relay up for
   */
  public OutboxRelay(Vertx vertx, Pool pool, String table, String bootstrapServers, long pollIntervalMs) {
    this(vertx, pool, table, bootstrapServers, pollIntervalMs, null);
  }

  /** As above, measured in {@code registry} ({@link Meters#registry}); {@code null} for none. */
  public OutboxRelay(Vertx vertx, Pool pool, String table, String bootstrapServers, long pollIntervalMs,
      MeterRegistry registry) {
    if (pollIntervalMs < 1) {
      throw new IllegalArgumentException("pollIntervalMs must be positive: " + pollIntervalMs);
    }
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.pool = pool;
    this.table = Outbox.checkTable(table);
    this.lockKey = lockKey(table);
    this.pollIntervalMs = pollIntervalMs;
    this.select = "SELECT id, topic, aggregate_id, payload::text AS payload, trace_context FROM " + table
        + " ORDER BY id LIMIT $1";
    this.delete = "DELETE FROM " + table + " WHERE id = ANY($1)";
    this.producer = new RelayProducer(vertx, context, bootstrapServers, "outbox-" + table);
    this.meters = registry == null || !Meters.recording(registry) ? null : new RelayMeters(registry, table);
    this.turn = RelayTurn.of(vertx, table);
  }

  /**
   * The producer settings of a relay: acks from all replicas, idempotent, in order per partition; an outage fails a
   * send within seconds, not after the defaults' minutes. Other relays (such as the reviews' rating relay) use them.
   */
  public static Map<String, String> producerConfig(String bootstrapServers) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
        ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000",
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000",
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000");
  }

  /** Creates the producer and runs a first round. */
  public Future<Void> start() {
    return onContext(() -> {
      if (started) {
        return Future.failedFuture(new IllegalStateException("Outbox relay for " + table + " already started"));
      }
      started = true;
      if (meters != null) {
        statsTimerId = vertx.setPeriodic(0, STATS_INTERVAL_MS, id -> measureBacklog());
      }
      return producer.ready().map(p -> {
        trigger(false);
        return null;
      });
    });
  }

  /** Lets a running round finish, then closes the producer. Rows not yet published stay in the table. */
  public Future<Void> stop() {
    return onContext(() -> {
      stopping = true;
      vertx.cancelTimer(timerId);
      vertx.cancelTimer(statsTimerId);
      return round.transform(ar -> producer.close(CLOSE_TIMEOUT_MS));
    });
  }

  /** Runs a round soon, e.g. right after committing events (not while backing off from a failure). */
  public void wakeUp() {
    context.runOnContext(v -> trigger(true));
  }

  /** Events published and deleted so far. */
  public long published() {
    return published.get();
  }

  /** Rounds that failed (Kafka or PostgreSQL unavailable) and were rolled back. */
  public long failedRounds() {
    return failedRounds.get();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void trigger(boolean wakeUp) {
    if (!started || stopping) {
      return;
    }
    if (running) {
      wokenUpWhileRunning |= wakeUp;
      return;
    }
    if (wakeUp && outageStartNanos >= 0) {
      return;
    }
    vertx.cancelTimer(timerId);
    RelayTurn.Held held = turn.take();
    if (held == null) {
      // a sibling on this node is in a round, and runs one more after it; polling goes on in case it stops
      timerId = vertx.setTimer(pollIntervalMs, id -> trigger(false));
      return;
    }
    running = true;
    round = runRound().onComplete(result -> roundEnded(result, turn.release(held)));
  }

  private Future<Integer> runRound() {
    // READ COMMITTED: the SELECT, a statement after the lock, sees what the previous holder deleted
    return producer.ready().compose(p -> pool.withTransaction(tx -> tx
        .preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(lockKey))
        .compose(lock -> lock.iterator().next().getBoolean(0)
            ? tx.preparedQuery(select).execute(Tuple.of(BATCH)).compose(rows -> publish(tx, p, rows))
            : Future.succeededFuture(SKIPPED))));
  }

  private Future<Integer> publish(SqlConnection tx, KafkaProducer<String, String> p, RowSet<Row> rows) {
    int n = rows.size();
    if (n == 0) {
      return Future.succeededFuture(0);
    }
    Long[] ids = new Long[n];
    List<Supplier<Future<RecordMetadata>>> sends = new ArrayList<>(n);
    Set<String> topics = new LinkedHashSet<>();
    int i = 0;
    for (Row row : rows) {
      ids[i++] = row.getLong("id");
      KafkaProducerRecord<String, String> record = KafkaProducerRecord.create(row.getString("topic"),
          row.getString("aggregate_id"), row.getString("payload"));
      String traceContext = row.getString("trace_context");
      sends.add(() -> TracedSend.send(vertx, p, record, traceContext, table));
      topics.add(row.getString("topic"));
    }
    // with the topics' metadata at hand, send() does not block (class comment)
    return Future.all(topics.stream().map(p::partitionsFor).toList())
        .compose(v -> Future.all(sends.stream().map(Supplier::get).toList()))
        .timeout(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .compose(v -> tx.preparedQuery(delete).execute(Tuple.tuple().addArrayOfLong(ids)))
        .map(n);
  }

  private void roundEnded(AsyncResult<Integer> result, boolean siblingWokenUp) {
    running = false;
    boolean again = wokenUpWhileRunning || siblingWokenUp;
    wokenUpWhileRunning = false;
    long delay;
    if (result.failed()) {
      delay = failed(result.cause());
    } else if (result.result() == SKIPPED) {
      delay = Math.min(pollIntervalMs, BUSY_RETRY_MS);
    } else {
      delay = succeeded(result.result(), again);
    }
    if (!stopping) {
      timerId = vertx.setTimer(Math.max(1, delay), id -> trigger(false));
    }
  }

  private long succeeded(int n, boolean again) {
    published.addAndGet(n);
    if (meters != null) {
      meters.published.increment(n);
    }
    if (outageStartNanos >= 0) {
      outageMs = (System.nanoTime() - outageStartNanos) / 1_000_000;
      outageStartNanos = -1;
      backoffMs = 0;
      caughtUp = 0;
    }
    if (caughtUp >= 0) {
      caughtUp += n;
      if (n < BATCH) {
        LOG.info("Outbox {}: relaying works again after {} ms, caught up {} events", table, outageMs, caughtUp);
        caughtUp = -1;
      }
    }
    return n == BATCH || again ? 0 : pollIntervalMs;
  }

  private long failed(Throwable cause) {
    failedRounds.incrementAndGet();
    if (meters != null) {
      meters.failedRounds.increment();
    }
    if (outageStartNanos < 0) {
      outageStartNanos = System.nanoTime();
      LOG.warn("Outbox {}: could not relay events, they stay in the table; retrying until it works: {}", table,
          cause.toString());
    } else {
      LOG.debug("Outbox {}: relaying still fails: {}", table, cause.toString());
    }
    caughtUp = -1;
    backoffMs = backoffMs == 0 ? FIRST_BACKOFF_MS : Math.min(2 * backoffMs, MAX_BACKOFF_MS);
    producer.drop();
    return backoffMs;
  }

  private void measureBacklog() {
    pool.query(meters.backlogQuery).execute().onComplete(result -> {
      if (result.succeeded()) {
        Row row = result.result().iterator().next();
        Double oldest = row.getDouble(1);
        meters.backlog.set(row.getLong(0));
        meters.oldestAgeSeconds.set(oldest == null ? 0 : oldest);
      } else {
        // unknown while PostgreSQL is away, rather than a figure that is no longer true
        meters.backlog.set(Double.NaN);
        meters.oldestAgeSeconds.set(Double.NaN);
      }
    });
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  /** A stable advisory lock key for the table: the first 64 bits of a SHA-256 of its name. */
  static long lockKey(String table) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(("polymart.outbox:" + table).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The relay's meters, tagged with its table; every instance relaying the table shares them. */
  private static final class RelayMeters {
    private final Counter published;
    private final Counter failedRounds;
    private final NodeGauge backlog;
    private final NodeGauge oldestAgeSeconds;
    private final String backlogQuery;

    RelayMeters(MeterRegistry registry, String table) {
      Tags tags = Tags.of("table", table);
      published = Counter.builder("polymart.outbox.published").description("Events published to Kafka")
          .tags(tags).register(registry);
      failedRounds = Counter.builder("polymart.outbox.failed.rounds")
          .description("Relay rounds that failed (Kafka or PostgreSQL unavailable) and were rolled back")
          .tags(tags).register(registry);
      backlog = NodeGauge.of(registry, "polymart.outbox.backlog", "Events committed but not yet published", tags);
      oldestAgeSeconds = NodeGauge.of(registry, "polymart.outbox.oldest.age.seconds",
          "Age of the oldest event not yet published (0 when none)", tags);
      backlogQuery = "SELECT count(*), EXTRACT(EPOCH FROM now() - min(created_at))::float8 FROM " + table;
    }
  }
}
