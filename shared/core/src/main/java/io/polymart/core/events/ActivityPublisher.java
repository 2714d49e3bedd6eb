package io.polymart.core.events;

import io.polymart.core.outbox.OutboxRelay;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes shoppers' activity ({@value #TOPIC}: product views, cart adds, sign-ins) fire-and-forget: events that may
 * be lost in a crash, never worth slowing or failing a request for. One producer per Vert.x instance, shared by
 * every verticle that {@link #acquire}s it and closed when the last one {@link #release}s it.
 *
 * <p>{@link #publish} only hands the event to a single thread of its own through a bounded queue (full: the event is
 * dropped and counted), so a caller on an event loop never waits, not even while kafka-clients fetches the topic's
 * metadata or the broker is down. That thread creates the producer (acks=1, not idempotent, a short linger that
 * batches the records of busy pages), builds the envelope ({@code type}, {@code id}, {@code occurredAt},
 * {@code aggregateId} = the record key, {@code data}) and sends. Failures are counted and logged at most once a
 * minute.
 */
public final class ActivityPublisher {
  public static final String TOPIC = "polymart.activity";
  private static final Logger LOG = LoggerFactory.getLogger(ActivityPublisher.class);
  private static final String SHARED = "polymart.activity.publisher";
  static final int QUEUE_CAPACITY = 10_000;
  private static final long LINGER_MS = 20;
  private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final long CLOSE_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final Map<String, Object> config;
  private final ThreadPoolExecutor sender;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
  private int users;
  // confined to the sender thread
  private Producer<String, String> producer;
  private boolean producerFailed;

  private ActivityPublisher(Vertx vertx, String bootstrapServers) {
    this.vertx = vertx;
    this.config = producerConfig(bootstrapServers);
    this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
        task -> {
          Thread thread = new Thread(task, "polymart-activity-publisher");
          thread.setDaemon(true);
          return thread;
        }, (task, executor) -> dropped("the queue is full"));
    // the producer resolves the brokers and fetches metadata: on the sender thread, before the first request
    sender.execute(this::producer);
  }

  /** The Vert.x instance's publisher, created on first use; {@link #release} it when the verticle stops. */
  public static ActivityPublisher acquire(Vertx vertx, String bootstrapServers) {
    LocalMap<String, Holder> shared = vertx.sharedData().getLocalMap(SHARED);
    synchronized (ActivityPublisher.class) {
      Holder holder = shared.computeIfAbsent(SHARED, key -> new Holder(new ActivityPublisher(vertx,
          bootstrapServers)));
      holder.publisher().users++;
      return holder.publisher();
    }
  }

  private record Holder(ActivityPublisher publisher) implements Shareable {
  }

  /** Producer settings: the relays' (bootstrap servers, serializers, bounded waits), with acks from the leader only. */
  static Map<String, Object> producerConfig(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>(OutboxRelay.producerConfig(bootstrapServers));
    config.put(ProducerConfig.ACKS_CONFIG, "1");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    config.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(LINGER_MS));
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "polymart-activity");
    return config;
  }

  /**
   * Sends the event soon, or drops it; never blocks and never throws. {@code data} must not change afterwards.
   *
   * @param aggregateId the record key: the product for views and cart adds, the user for sign-ins
   */
  public void publish(String type, String aggregateId, JsonObject data) {
    Instant occurredAt = Instant.now();
    try {
      sender.execute(() -> send(type, aggregateId, data, occurredAt));
    } catch (RuntimeException e) {
      dropped(e.toString()); // shut down
    }
  }

  /** Events acknowledged by Kafka so far. */
  public long published() {
    return published.get();
  }

  /** Events lost so far: failed sends and events dropped while the queue was full. */
  public long lost() {
    return failed.get() + dropped.get();
  }

  /** Stops using the publisher; the last user closes it, sending what it still holds for up to 5 s. */
  public Future<Void> release() {
    LocalMap<String, Holder> shared = vertx.sharedData().getLocalMap(SHARED);
    synchronized (ActivityPublisher.class) {
      if (--users > 0) {
        return Future.succeededFuture();
      }
      shared.remove(SHARED);
    }
    Promise<Void> closed = Promise.promise();
    try {
      sender.execute(() -> {
        if (producer != null) {
          producer.close(java.time.Duration.ofMillis(CLOSE_TIMEOUT_MS));
        }
        closed.complete();
      });
    } catch (RuntimeException e) {
      closed.tryComplete();
    }
    sender.shutdown();
    return closed.future();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private Producer<String, String> producer() {
    if (producer == null && !producerFailed) {
      try {
        producer = new KafkaProducer<>(config);
      } catch (RuntimeException e) {
        // a bad bootstrap address: activity stays unpublished, requests go on
        producerFailed = true;
        LOG.error("No activity events will be published: cannot create the Kafka producer: {}", e.toString());
      }
    }
    return producer;
  }

  private void send(String type, String aggregateId, JsonObject data, Instant occurredAt) {
    Producer<String, String> p = producer();
    if (p == null) {
      failed.incrementAndGet();
      return;
    }
    String value = new JsonObject()
        .put("type", type)
        .put("id", UUID.randomUUID().toString())
        .put("occurredAt", occurredAt.truncatedTo(ChronoUnit.MILLIS).toString())
        .put("aggregateId", aggregateId)
        .put("data", data)
        .encode();
    try {
      p.send(new ProducerRecord<>(TOPIC, aggregateId, value), (metadata, error) -> {
        if (error == null) {
          published.incrementAndGet();
        } else {
          failed.incrementAndGet();
          logLoss(error.toString());
        }
      });
    } catch (RuntimeException e) {
      // no metadata within max.block.ms (broker down), or a closed producer
      failed.incrementAndGet();
      logLoss(e.toString());
    }
  }

  private void dropped(String why) {
    dropped.incrementAndGet();
    logLoss(why);
  }

  private void logLoss(String why) {
    long now = System.nanoTime();
    long last = lastLogNanos.get();
    if (now - last >= LOG_EVERY_NANOS && lastLogNanos.compareAndSet(last, now)) {
      LOG.warn("Activity events are being lost ({} failed, {} dropped so far): {}", failed.get(), dropped.get(), why);
    }
  }
}
