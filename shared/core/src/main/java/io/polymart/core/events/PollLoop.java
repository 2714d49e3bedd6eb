package io.polymart.core.events;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's own thread, the only one that touches the Kafka consumer: poll, hand the batch to the Vert.x
 * context and wait for it (a thread of its own may block; an event loop never does), commit the offsets of what was
 * done, poll again.
 *
 * <p>Rebalances happen inside {@code poll()}, so never while a batch is in flight: when partitions are revoked, the
 * offsets of everything handled on them are committed before the next owner starts reading, and nothing is left
 * running. A partition that stopped for want of the stores is read again from its first unfinished record, after a
 * pause of 1 s doubling to 30 s.
 */
final class PollLoop implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final long FIRST_PAUSE_MS = 1_000;
  private static final long MAX_PAUSE_MS = 30_000;

  private final String group;
  private final Supplier<Consumer<String, String>> consumerFactory;
  private final List<String> topics;
  private final Context context;
  private final BatchProcessor batches;
  private final BooleanSupplier stopping;
  private final ConsumerLag lag;
  private final Promise<Void> started;
  private final Promise<Void> stopped;
  private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
  private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();
  private volatile Set<TopicPartition> assignment = Set.of();
  private Consumer<String, String> consumer;
  private long pauseMs;
  private boolean pollFailing;

  PollLoop(String group, List<String> topics,
      Supplier<Consumer<String, String>> consumerFactory, Context context, BatchProcessor batches,
      BooleanSupplier stopping, ConsumerLag lag, Promise<Void> started, Promise<Void> stopped) {
    this.group = group;
    this.topics = topics;
    this.consumerFactory = consumerFactory;
    this.context = context;
    this.batches = batches;
    this.stopping = stopping;
    this.lag = lag;
    this.started = started;
    this.stopped = stopped;
  }

  Set<TopicPartition> assignment() {
    return assignment;
  }

  @Override
  public void run() {
    try {
      consumer = consumerFactory.get();
      consumer.subscribe(topics, new Rebalances());
    } catch (RuntimeException e) {
      if (consumer != null) {
        consumer.close(Duration.ZERO);
      }
      context.runOnContext(v -> started.fail(e));
      context.runOnContext(v -> stopped.complete());
      return;
    }
    context.runOnContext(v -> started.complete());
    try {
      while (!stopping.getAsBoolean()) {
        resumeDuePartitions();
        ConsumerRecords<String, String> records = poll();
        if (records != null && !records.isEmpty()) {
          process(records);
        }
        commit();
      }
      commit();
    } catch (RuntimeException | Error e) {
      LOG.error("Consumer {}: the polling thread failed, the consumer stops", group, e);
    } finally {
      close();
    }
  }

  private ConsumerRecords<String, String> poll() {
    try {
      ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
      pollFailing = false;
      lag.update(consumer);
      return records;
    } catch (KafkaException e) {
      if (!pollFailing) {
        LOG.warn("Consumer {}: polling failed, retrying every second: {}", group, e.toString());
      }
      pollFailing = true;
      sleep(1_000);
      return null;
    }
  }

  private void process(ConsumerRecords<String, String> records) {
    long deadline = System.nanoTime() + EventConsumerSettings.MAX_POLL_INTERVAL.toNanos() / 2;
    CompletableFuture<Map<TopicPartition, PartitionProgress>> done = new CompletableFuture<>();
    context.runOnContext(v -> batches.process(records, deadline).onComplete(result -> {
      if (result.succeeded()) {
        done.complete(result.result());
      } else {
        done.completeExceptionally(result.cause());
      }
    }));
    Map<TopicPartition, PartitionProgress> progress;
    try {
      progress = done.get(EventConsumerSettings.MAX_POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      // not expected (a batch never fails and ends by its deadline): read the whole batch again
      LOG.error("Consumer {}: a batch did not end; reading it again", group, e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      for (TopicPartition partition : records.partitions()) {
        consumer.seek(partition, records.records(partition).get(0).offset());
      }
      return;
    }
    boolean storesFailed = progress.values().stream().anyMatch(p -> p.failure() != null);
    pauseMs = !storesFailed ? 0 : pauseMs == 0 ? FIRST_PAUSE_MS : Math.min(2 * pauseMs, MAX_PAUSE_MS);
    for (Map.Entry<TopicPartition, PartitionProgress> entry : progress.entrySet()) {
      TopicPartition partition = entry.getKey();
      PartitionProgress p = entry.getValue();
      if (p.commitOffset() >= 0) {
        uncommitted.put(partition, new OffsetAndMetadata(p.commitOffset()));
      }
      if (!p.complete()) {
        consumer.seek(partition, p.resumeOffset());
      }
      if (p.failure() != null) {
        pause(partition, p);
      }
    }
  }

  private void pause(TopicPartition partition, PartitionProgress progress) {
    LOG.warn("Consumer {}: could not process the record at {} offset {}, reading it again in {} ms: {}", group,
        partition, progress.resumeOffset(), pauseMs, progress.failure().toString());
    consumer.pause(Set.of(partition));
    pausedUntil.put(partition, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMs));
  }

  private void resumeDuePartitions() {
    long now = System.nanoTime();
    for (Iterator<Map.Entry<TopicPartition, Long>> it = pausedUntil.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<TopicPartition, Long> entry = it.next();
      if (now - entry.getValue() >= 0) {
        it.remove();
        if (consumer.assignment().contains(entry.getKey())) {
          consumer.resume(Set.of(entry.getKey()));
        }
      }
    }
  }

  /** Commits what was done; kept for the next try when Kafka is unreachable, dropped when the group moved on. */
  private void commit() {
    commit(uncommitted.keySet());
  }

  private void commit(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = uncommitted.get(partition);
      if (offset != null) {
        offsets.put(partition, offset);
      }
    }
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets, COMMIT_TIMEOUT);
      offsets.forEach(uncommitted::remove);
    } catch (CommitFailedException e) {
      // the partitions went to another member: it reads them from the last commit, and skips what we handled
      LOG.warn("Consumer {}: could not commit, the group was rebalanced without us: {}", group, e.getMessage());
      offsets.keySet().forEach(uncommitted::remove);
    } catch (KafkaException e) {
      LOG.warn("Consumer {}: commit failed, trying again: {}", group, e.toString());
    }
  }

  private void close() {
    try {
      consumer.close(CLOSE_TIMEOUT);
    } catch (RuntimeException e) {
      LOG.warn("Consumer {}: closing the Kafka consumer failed: {}", group, e.toString());
    }
    assignment = Set.of();
    lag.clear();
    context.runOnContext(v -> stopped.complete());
  }

  private void sleep(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      while (!stopping.getAsBoolean() && System.nanoTime() - end < 0) {
        Thread.sleep(Math.min(50, millis));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs inside {@code poll()} (and {@code close()}) on this thread: no batch is in flight. */
  private final class Rebalances implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commit(partitions);
      forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      // already someone else's: committing would fail
      forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assignment = Set.copyOf(consumer.assignment());
      lag.assigned(partitions);
      if (!partitions.isEmpty()) {
        LOG.info("Consumer {}: assigned {}", group, partitions);
      }
    }

    private void forget(Collection<TopicPartition> partitions) {
      partitions.forEach(uncommitted::remove);
      partitions.forEach(pausedUntil::remove);
      lag.removed(partitions);
      Set<TopicPartition> remaining = new HashSet<>(assignment);
      remaining.removeAll(partitions);
      assignment = Set.copyOf(remaining);
    }
  }
}
