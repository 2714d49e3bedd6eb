package io.polymart.core.outbox;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Kafka producer of a relay ({@link OutboxRelay}, the reviews' rating relay), made on first use with
 * {@link OutboxRelay#producerConfig}. After a failed round the relay drops it, so records of that round still in its
 * buffer never reach Kafka after the next round has resent them. Used from the relay's context only.
 */
public final class RelayProducer {
  private static final Logger LOG = LoggerFactory.getLogger(RelayProducer.class);
  private static final AtomicInteger PRODUCERS = new AtomicInteger();
  private final Vertx vertx;
  private final Context context;
  private final Map<String, String> config;
  private final String name;
  private KafkaProducer<String, String> producer;

  /** @param name the relay's name in client ids and logs, e.g. {@code outbox-catalog.outbox} */
  public RelayProducer(Vertx vertx, Context context, String bootstrapServers, String name) {
    this.vertx = vertx;
    this.context = context;
    this.config = OutboxRelay.producerConfig(bootstrapServers);
    this.name = name;
  }

  /** The current producer, or a new one. */
  public Future<KafkaProducer<String, String>> ready() {
    if (producer != null) {
      return Future.succeededFuture(producer);
    }
    Map<String, String> withId = new HashMap<>(config);
    withId.put(ProducerConfig.CLIENT_ID_CONFIG, "polymart-" + name + "-" + PRODUCERS.incrementAndGet());
    // the constructor resolves the bootstrap servers' host names. A failed send fails its round, logged there:
    // without an exception handler, the Vert.x client would also log each failed batch as an unhandled exception
    return context.<KafkaProducer<String, String>>executeBlocking(() -> KafkaProducer.<String, String>create(vertx,
            withId).exceptionHandler(e -> LOG.debug("{}: send failed: {}", name, e.toString())))
        .onSuccess(created -> producer = created);
  }

  /** Forgets the producer after a failed round. (close(0) would wait for ever in the Vert.x client, hence 1 ms.) */
  public void drop() {
    KafkaProducer<String, String> old = producer;
    producer = null;
    if (old != null) {
      old.close(1).onFailure(e -> LOG.debug("{}: closing the producer failed", name, e));
    }
  }

  /** Closes the producer, waiting up to {@code timeoutMs} for what it still sends. */
  public Future<Void> close(long timeoutMs) {
    KafkaProducer<String, String> p = producer;
    producer = null;
    return p == null ? Future.succeededFuture() : p.close(timeoutMs);
  }
}
