package io.polymart.core.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code polymart_events_consumer_lag}: per group and partition, the records between what this consumer has read and
 * the end of the partition, as of its last fetch. A partition's gauge exists while this consumer owns it, so the
 * series of a partition comes from whichever instance or node reads it. Touched by the polling thread only; read by
 * the scrape.
 */
final class ConsumerLag {
  static final String NAME = "polymart.events.consumer.lag";
  private final MeterRegistry registry;
  private final String group;
  private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();

  ConsumerLag(MeterRegistry registry, String group) {
    this.registry = registry;
    this.group = group;
  }

  void assigned(Collection<TopicPartition> assigned) {
    for (TopicPartition tp : assigned) {
      partitions.computeIfAbsent(tp, any -> {
        Partition partition = new Partition();
        partition.gauge = Gauge.builder(NAME, partition, p -> p.lag)
            .description("Records of the partition this consumer group has not read yet")
            .tags(Tags.of("group", group, "topic", tp.topic(), "partition", Integer.toString(tp.partition())))
            .strongReference(true).register(registry);
        return partition;
      });
    }
  }

  void removed(Collection<TopicPartition> removed) {
    for (TopicPartition tp : removed) {
      Partition partition = partitions.remove(tp);
      if (partition != null) {
        registry.remove(partition.gauge);
      }
    }
  }

  /** After a poll: the consumer's own idea of each partition's lag (no request to the broker). */
  void update(Consumer<?, ?> consumer) {
    partitions.forEach((tp, partition) -> {
      OptionalLong lag;
      try {
        lag = consumer.currentLag(tp);
      } catch (IllegalStateException notAssigned) {
        lag = OptionalLong.empty();
      }
      partition.lag = lag.isPresent() ? lag.getAsLong() : Double.NaN;
    });
  }

  void clear() {
    removed(Map.copyOf(partitions).keySet());
  }

  private static final class Partition {
    private volatile double lag = Double.NaN;
    private Gauge gauge;
  }
}
