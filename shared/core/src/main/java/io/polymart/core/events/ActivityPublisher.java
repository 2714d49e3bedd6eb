package io.polymart.core.events;

import io.polymart.core.concurrent.TimedDrain;
import io.polymart.core.outbox.OutboxRelay;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * <p>{@link #publish} only appends the event to a bounded lock-free queue ({@link TimedDrain}; full: the event is
 * dropped and counted): a caller on an event loop never waits, not even while kafka-clients fetches the topic's
 * metadata or the broker is down, and never wakes a thread. A thread of the publisher's own drains the queue every
 * {@value #DRAIN_MILLIS} ms (waking it per event cost the product page a tenth of its rate), writes each envelope
 * ({@link ActivityEnvelope}) and gathers the round's envelopes into one record per partition ({@link ActivityRecords},
 * the partition Kafka would give the shopper's key, so that one shopper's events stay in order), handed to the
 * producer: acks=1, not idempotent, batched by a {@value #LINGER_MS} ms linger and lz4-compressed. It also creates
 * the producer, off the event loop. Failures are counted and logged at most once a minute.
 */
public final class ActivityPublisher {
  public static final String TOPIC = "polymart.activity";
  private static final Logger LOG = LoggerFactory.getLogger(ActivityPublisher.class);
  private static final String SHARED = "polymart.activity.publisher";
  static final int QUEUE_CAPACITY = 20_000;
  static final long DRAIN_MILLIS = 5;
  private static final long LINGER_MS = 100;
  private static final int BATCH_BYTES = 256 * 1024;
  private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private record Pending(String type, String aggregateId, String shopper, Object[] data, long occurredAtMillis) {
  }

  private final Vertx vertx;
  private final Map<String, Object> config;
  private final TimedDrain<Pending> queue = new TimedDrain<>(QUEUE_CAPACITY, DRAIN_MILLIS);
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
  private final Promise<Void> closed = Promise.promise();
  // confined to the sender thread
  private final ActivityEnvelope envelope = new ActivityEnvelope();
  private final ActivityRecords records = new ActivityRecords(this::send);
  private Producer<String, String> producer;
  /** The topic's partitions, asked once a round that has events; 0 when Kafka could not say. */
  private int partitions = -1;

  private int users;

  private ActivityPublisher(Vertx vertx, String bootstrapServers) {
    this.vertx = vertx;
    this.config = producerConfig(bootstrapServers);
    Thread sender = new Thread(this::run, "polymart-activity-publisher");
    sender.setDaemon(true);
    sender.start();
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
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_BYTES));
    // the envelopes repeat their field names and ids: compressed batches cost the brokers far less
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "polymart-activity");
    return config;
  }

  /**
   * Sends the event soon, or drops it; never blocks. The publisher adds {@code at}, the moment of this call, to the
   * event's {@code data}.
   *
   * @param aggregateId the product for views and cart adds, the user for sign-ins
   * @param shopper the user or visitor whose activity it is: it picks the partition, so that one shopper's events
   *     stay in order on one partition (consumers pair a shopper's views within a session)
   * @param data the fields of {@code data} in name/value pairs ({@code "productId", id, "quantity", 2}): values are
   *     strings or integers, and a null value leaves its field out
   */
  public void publish(String type, String aggregateId, String shopper, Object... data) {
    if (data.length % 2 != 0) {
      throw new IllegalArgumentException("data must be name/value pairs");
    }
    if (!queue.offer(new Pending(type, aggregateId, shopper, data, System.currentTimeMillis()))) {
      dropped(queue.stopping() ? "the publisher is closed" : "the queue is full");
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
    queue.stop();
    return closed.future();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void run() {
    try {
      producer = createProducer();
      queue.drainUntilStopped(this::take, this::roundDone);
      if (producer != null) {
        producer.close(CLOSE_TIMEOUT);
      }
    } catch (RuntimeException e) {
      LOG.error("The activity publisher stopped", e);
    } finally {
      closed.tryComplete();
    }
  }

  private Producer<String, String> createProducer() {
    try {
      return new KafkaProducer<>(config);
    } catch (RuntimeException e) {
      // a bad bootstrap address: activity stays unpublished, requests go on
      LOG.error("No activity events will be published: cannot create the Kafka producer: {}", e.toString());
      return null;
    }
  }

  private void take(Pending event) {
    if (producer == null || partitions() == 0) {
      failed.incrementAndGet();
      return;
    }
    records.add(ActivityRecords.partitionOf(event.shopper(), partitions), envelope.write(event.type(), randomUuid(),
        event.occurredAtMillis(), event.aggregateId(), event.data()));
  }

  private void roundDone() {
    records.closeAll();
    partitions = -1;
  }

  private int partitions() {
    if (partitions < 0) {
      try {
        partitions = producer.partitionsFor(TOPIC).size();
      } catch (RuntimeException e) {
        // no metadata within max.block.ms (broker down): this round's events are lost
        partitions = 0;
        logLoss(e.toString());
      }
    }
    return partitions;
  }

  private void send(ActivityRecords.Closed record) {
    int events = record.events();
    try {
      producer.send(new ProducerRecord<>(TOPIC, record.partition(), null, record.value()), (metadata, error) -> {
        if (error == null) {
          published.addAndGet(events);
        } else {
          failed.addAndGet(events);
          logLoss(error.toString());
        }
      });
    } catch (RuntimeException e) {
      // a closed producer, or a record too large
      failed.addAndGet(events);
      logLoss(e.toString());
    }
  }

  /** A version 4 UUID from a fast, non-cryptographic source: event ids need to be unique, not unguessable. */
  private static UUID randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
    return new UUID(most, least);
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
