package io.polymart.testing;

import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads a Kafka topic in tests with a plain consumer of its own group, from the start. */
public final class KafkaEvents {
  private KafkaEvents() {
  }

  /**
   * The distinct events (by event id, since delivery is at least once) with record key {@code key}, in topic order,
   * read until one of type {@code last} has arrived; an AssertionError after {@code timeout}.
   */
  public static List<JsonObject> until(String bootstrapServers, String topic, String key, String last,
      Duration timeout) {
    return read(bootstrapServers, topic, key, last + " of " + key, timeout,
        events -> events.stream().anyMatch(event -> last.equals(event.getString("type"))));
  }

  /**
   * The distinct events (by event id) with record key {@code key}, in topic order, read until {@code count} have
   * arrived (the audit trail's events, all of one type); an AssertionError after {@code timeout}.
   */
  public static List<JsonObject> count(String bootstrapServers, String topic, String key, int count,
      Duration timeout) {
    return read(bootstrapServers, topic, key, count + " events of " + key, timeout, events -> events.size() >= count);
  }

  private static List<JsonObject> read(String bootstrapServers, String topic, String key, String waitingFor,
      Duration timeout, Predicate<Collection<JsonObject>> enough) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "events-test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, JsonObject> events = new LinkedHashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!enough.test(events.values())) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Timed out after " + timeout + " waiting for " + waitingFor + "; got "
              + events.values().stream().map(e -> e.getString("type")).toList());
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          if (key.equals(record.key())) {
            JsonObject event = new JsonObject(record.value());
            events.putIfAbsent(event.getString("id"), event);
          }
        }
      }
    }
    return new ArrayList<>(events.values());
  }
}
