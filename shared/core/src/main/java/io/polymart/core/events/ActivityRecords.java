package io.polymart.core.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Utils;

/**
 * Gathers the activity envelopes of one drain round into records, one per partition: a JSON array of the envelopes
 * whose shopper Kafka's default partitioner puts on that partition, in the order they came, so that one shopper's
 * events stay in order on one partition as if each were a record keyed by the shopper. A record closes at
 * {@value #MAX_EVENTS} events or {@value #MAX_CHARS} characters, and at the end of the round. Per record, Kafka's
 * client and brokers cost about what they cost per event: a view a record cost the product page several per cent
 * of its rate.
 */
final class ActivityRecords {
  static final int MAX_EVENTS = 500;
  static final int MAX_CHARS = 200_000;

  /** A closed record: the partition it goes to, its value, and how many events it carries. */
  record Closed(int partition, String value, int events) {
  }

  private static final class Open {
    final StringBuilder value = new StringBuilder(4096).append('[');
    int events;
  }

  private final Map<Integer, Open> open = new HashMap<>();
  private final Consumer<Closed> out;

  /** @param out takes each record as it closes */
  ActivityRecords(Consumer<Closed> out) {
    this.out = out;
  }

  /** The partition Kafka's default partitioner gives a record keyed by the shopper. */
  static int partitionOf(String shopper, int partitions) {
    return Utils.toPositive(Utils.murmur2(shopper.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  void add(int partition, String envelope) {
    Open record = open.computeIfAbsent(partition, p -> new Open());
    if (record.events > 0) {
      record.value.append(',');
    }
    record.value.append(envelope);
    if (++record.events >= MAX_EVENTS || record.value.length() >= MAX_CHARS) {
      close(partition);
    }
  }

  /** Closes every open record: the round is over. */
  void closeAll() {
    for (Integer partition : open.keySet().toArray(Integer[]::new)) {
      close(partition);
    }
  }

  private void close(int partition) {
    Open record = open.remove(partition);
    out.accept(new Closed(partition, record.value.append(']').toString(), record.events));
  }
}
