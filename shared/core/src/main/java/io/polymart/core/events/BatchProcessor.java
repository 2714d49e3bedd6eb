package io.polymart.core.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Processes one polled batch on the consumer's Vert.x context: the partitions side by side, the records of each one
 * after the other in offset order (for a {@link BatchEventHandler}, all together first). Counts are of events: a
 * record may carry several. A partition stops early, at the record it has not begun, when the consumer is closing,
 * when the batch has run past its deadline, or when a record could not be processed for want of the stores. The
 * result never fails.
 */
final class BatchProcessor {

  private final RecordProcessor records;
  private final BooleanSupplier stopping;
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong parked = new AtomicLong();
  private final AtomicLong storeFailures = new AtomicLong();
  private final Counter handledMeter;
  private final Counter duplicatesMeter;
  private final Counter parkedMeter;

  /** Counts into {@code registry} too, as {@code polymart_events_consumed_total} by group and outcome. */
  BatchProcessor(RecordProcessor records, BooleanSupplier stopping, String group, MeterRegistry registry) {
    this.records = records;
    this.stopping = stopping;
    this.handledMeter = consumed(registry, group, "handled");
    this.duplicatesMeter = consumed(registry, group, "duplicate");
    this.parkedMeter = consumed(registry, group, "parked");
  }

  private static Counter consumed(MeterRegistry registry, String group, String outcome) {
    return Counter.builder("polymart.events.consumed")
        .description("Events taken from Kafka: handled, skipped as a duplicate, or parked after failing")
        .tag("group", group).tag("outcome", outcome).register(registry);
  }

  Future<Map<TopicPartition, PartitionProgress>> process(ConsumerRecords<String, String> batch, long deadlineNanos) {
    Map<TopicPartition, Future<PartitionProgress>> partitions = new HashMap<>();
    for (TopicPartition partition : batch.partitions()) {
      partitions.put(partition, processPartition(batch.records(partition), deadlineNanos));
    }
    return Future.join(new ArrayList<>(partitions.values())).transform(v -> {
      Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
      partitions.forEach((partition, future) -> progress.put(partition, future.result()));
      return Future.succeededFuture(progress);
    });
  }

  long handled() {
    return handled.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  long parked() {
    return parked.get();
  }

  long storeFailures() {
    return storeFailures.get();
  }

  /** All the records together if the handler takes batches, else (or should that fail) one after the other. */
  private Future<PartitionProgress> processPartition(List<ConsumerRecord<String, String>> list, long deadlineNanos) {
    if (!records.takesBatches() || stopping.getAsBoolean()) {
      return processPartition(list, 0, -1, deadlineNanos);
    }
    return records.processAll(list).transform(result -> {
      if (result.failed()) {
        return processPartition(list, 0, -1, deadlineNanos);
      }
      handled.addAndGet(result.result().handled());
      duplicates.addAndGet(result.result().duplicates());
      handledMeter.increment(result.result().handled());
      duplicatesMeter.increment(result.result().duplicates());
      return Future.succeededFuture(new PartitionProgress(list.get(list.size() - 1).offset() + 1, -1, null));
    });
  }

  private Future<PartitionProgress> processPartition(List<ConsumerRecord<String, String>> list, int index,
      long commitOffset, long deadlineNanos) {
    if (index == list.size()) {
      return Future.succeededFuture(new PartitionProgress(commitOffset, -1, null));
    }
    ConsumerRecord<String, String> record = list.get(index);
    if (stopping.getAsBoolean() || System.nanoTime() - deadlineNanos > 0) {
      return Future.succeededFuture(new PartitionProgress(commitOffset, record.offset(), null));
    }
    return process(record).transform(result -> {
      if (result.failed()) {
        storeFailures.incrementAndGet();
        return Future.succeededFuture(new PartitionProgress(commitOffset, record.offset(), result.cause()));
      }
      result.result().forEach(this::count);
      if (result.result().contains(RecordOutcome.ABANDONED)) {
        return Future.succeededFuture(new PartitionProgress(commitOffset, record.offset(), null));
      }
      return processPartition(list, index + 1, record.offset() + 1, deadlineNanos);
    });
  }

  private Future<List<RecordOutcome>> process(ConsumerRecord<String, String> record) {
    try {
      return records.process(record);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private void count(RecordOutcome outcome) {
    switch (outcome) {
      case HANDLED -> {
        handled.incrementAndGet();
        handledMeter.increment();
      }
      case DUPLICATE -> {
        duplicates.incrementAndGet();
        duplicatesMeter.increment();
      }
      case PARKED -> {
        parked.incrementAndGet();
        parkedMeter.increment();
      }
      case ABANDONED -> { }
    }
  }
}
