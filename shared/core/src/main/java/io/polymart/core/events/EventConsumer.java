package io.polymart.core.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Feeds the events of Kafka topics to an {@link EventHandler}, as a member of a consumer group (DESIGN section 3):
 *
 * <pre>{@code
 * // in the verticle's start(): the handler runs on this verticle's context
 * consumer = new EventConsumer(vertx, EventConsumerSettings.of(bootstrap, "polymart.reviews", "polymart.orders"),
 *     purchases::apply, new MongoProcessedEvents(vertx, db, "reviews"), new MongoParkedEvents(vertx, db, "reviews"));
 * consumer.start();
 * // in stop()
 * consumer.close();
 * }</pre>
 *
 * <ul>
 *   <li>A new group starts at the beginning of the topics ({@code auto.offset.reset=earliest}).
 *   <li>At least once: an offset is committed only once every record before it was handled, recognised as a
 *       duplicate, or parked. Exactly once in effect: an event id found in {@link ProcessedEvents} is skipped, so a
 *       redelivery, a restart after a crash before the commit, or a replay of the whole topic changes nothing. The
 *       handler should be idempotent as well (see {@link EventHandler}).
 *   <li>The records of a partition are handled one after the other in offset order; partitions side by side.
 *   <li>A record that is no event envelope, or whose handler fails {@code maxAttempts} times, is logged at ERROR and
 *       stored in {@link ParkedEvents}, and the partition moves on: one bad record never stops the group. When the
 *       stores themselves are unreachable, the record is neither skipped nor parked: it is read again after a pause.
 *   <li>Instances on any number of nodes share the partitions of the group; on a rebalance the offsets of what was
 *       handled are committed before the partitions change hands, and nothing is in flight (see {@link PollLoop}).
 * </ul>
 *
 * Each consumer polls on a platform thread of its own; the handler and the stores run on the Vert.x context the
 * consumer was created on.
 */
public final class EventConsumer {

  private static final AtomicInteger INSTANCES = new AtomicInteger();
  /**
   * A fetch is answered once 64 KB of records are there or after 100 ms. At Kafka's defaults (one byte, 500 ms) the
   * consumer of a busy topic fetched again as soon as one record came in, and handled and committed a few records at a
   * time: more work per event for the broker, the consumer and its stores (README, Performance). An event on a quiet
   * topic reaches its consumers up to 100 ms later.
   */
  static final int FETCH_MIN_BYTES = 64 * 1024;
  static final int FETCH_MAX_WAIT_MS = 100;

  private final EventConsumerSettings settings;
  private final Context context;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private final BatchProcessor batches;
  private final Promise<Void> subscribed = Promise.promise();
  private final Promise<Void> stopped = Promise.promise();
  private final PollLoop loop;
  private final String clientId;

  public EventConsumer(Vertx vertx, EventConsumerSettings settings, EventHandler handler, ProcessedEvents processed,
      ParkedEvents parked) {
    this(vertx, settings, handler, processed, parked, new CompositeMeterRegistry());
  }

  /**
   * As above, measured in {@code registry} ({@link io.polymart.core.metrics.Meters#registry}): events consumed by
   * outcome, and the lag of each partition it reads.
   */
  public EventConsumer(Vertx vertx, EventConsumerSettings settings, EventHandler handler, ProcessedEvents processed,
      ParkedEvents parked, MeterRegistry registry) {
    this.settings = settings;
    this.context = vertx.getOrCreateContext();
    this.clientId = "polymart-events-" + settings.group() + "-" + INSTANCES.incrementAndGet();
    RecordProcessor records = new RecordProcessor(vertx, settings, handler, processed, parked, stopping::get);
    this.batches = new BatchProcessor(records, stopping::get, settings.group(), registry);
    this.loop = new PollLoop(settings.group(), settings.topics(), this::newKafkaConsumer, context, batches,
        stopping::get, new ConsumerLag(registry, settings.group()), subscribed, stopped);
  }

  /** Starts polling; completes once subscribed (partitions are assigned a moment later). */
  public Future<Void> start() {
    if (!started.compareAndSet(false, true)) {
      return Future.failedFuture(new IllegalStateException("Consumer " + clientId + " already started"));
    }
    Thread thread = new Thread(loop, clientId);
    thread.setDaemon(true);
    thread.start();
    return subscribed.future();
  }

  /**
   * Stops fetching; the record being handled finishes (or its retries are given up), no further one starts; the
   * offsets of what was done are committed, then the consumer leaves the group. Completes when it has.
   */
  public Future<Void> close() {
    stopping.set(true);
    if (started.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return stopped.future();
  }

  public EventConsumerSettings settings() {
    return settings;
  }

  /** The partitions this consumer reads now. */
  public Set<TopicPartition> assignment() {
    return loop.assignment();
  }

  /** Events handled successfully so far. */
  public long handled() {
    return batches.handled();
  }

  /** Records skipped because their event id had been processed before. */
  public long duplicates() {
    return batches.duplicates();
  }

  /** Records parked so far. */
  public long parked() {
    return batches.parked();
  }

  /** Records that could not be taken through because a store failed; each is read again after a pause. */
  public long storeFailures() {
    return batches.storeFailures();
  }

  private KafkaConsumer<String, String> newKafkaConsumer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
    config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
        (int) EventConsumerSettings.MAX_POLL_INTERVAL.toMillis());
    // members learn of a rebalance (a new instance joining) by their heartbeat: 1 s rather than 3 s
    config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
    config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }
}
