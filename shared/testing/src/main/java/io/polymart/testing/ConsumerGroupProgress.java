package io.polymart.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** How far a verticle's consumer group has got through its topics, read with the Kafka admin client. */
public final class ConsumerGroupProgress {
  private final Admin admin;
  private final String group;
  private final List<String> topics;
  private final int partitions;
  private final Duration timeout;

  /** @param partitions how many partitions each of {@code topics} has */
  public ConsumerGroupProgress(Admin admin, String group, List<String> topics, int partitions, Duration timeout) {
    this.admin = admin;
    this.group = group;
    this.topics = List.copyOf(topics);
    this.partitions = partitions;
    this.timeout = timeout;
  }

  /** Waits until the group has committed every record of its topics: everything sent so far is processed. */
  public void awaitCaughtUp() {
    Await.until("the group " + group + " to catch up with " + topics, timeout, () -> lag() == 0);
  }

  /** How many records of the topics the group has not committed yet. */
  public long lag() {
    Map<TopicPartition, Long> committed = committed();
    return endOffsets().entrySet().stream()
        .mapToLong(end -> end.getValue() - committed.getOrDefault(end.getKey(), 0L)).sum();
  }

  /** Forgets the group's offsets: the next consumer reads the topics from their start, as a new group would. */
  public void deleteOffsets() {
    get(admin.deleteConsumerGroups(List.of(group)).all());
  }

  private Map<TopicPartition, Long> committed() {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    return offsets.entrySet().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private Map<TopicPartition, Long> endOffsets() {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (String topic : topics) {
      for (int partition = 0; partition < partitions; partition++) {
        latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
      }
    }
    return get(admin.listOffsets(latest).all()).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private <T> T get(java.util.concurrent.Future<T> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
