package io.polymart.core.events;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link EventConsumer} reads and how hard it tries.
 *
 * @param group the consumer group, one per verticle ({@code polymart.reviews}); every instance on every node uses
 *     the same, so that they share the partitions
 * @param maxAttempts how often the handler is called for one event before it is parked (1 = no retry)
 * @param retryBackoff the wait after the first failed attempt, doubling after each further one
 * @param maxRetryBackoff the cap of that wait
 * @param handlerTimeout an attempt that has not completed by then counts as failed
 * @param maxPollRecords the most records handled per batch (across partitions) before their offsets are committed
 */
public record EventConsumerSettings(String bootstrapServers, String group, List<String> topics, int maxAttempts,
    Duration retryBackoff, Duration maxRetryBackoff, Duration handlerTimeout, int maxPollRecords) {

  /**
   * Kafka's max.poll.interval.ms: a member that does not poll for this long is dropped from the group. A batch stops
   * starting new records after half of it, so one record may take at most the other half.
   */
  static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(5);

  public EventConsumerSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(group, "group");
    topics = List.copyOf(topics);
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(maxRetryBackoff, "maxRetryBackoff");
    Objects.requireNonNull(handlerTimeout, "handlerTimeout");
    require(!bootstrapServers.isBlank(), "bootstrapServers is empty");
    require(!group.isBlank(), "group is empty");
    require(!topics.isEmpty(), "no topics");
    require(maxAttempts >= 1, "maxAttempts must be at least 1: " + maxAttempts);
    require(!retryBackoff.isNegative() && !maxRetryBackoff.isNegative(), "negative retry backoff");
    require(handlerTimeout.toMillis() >= 1, "handlerTimeout must be positive: " + handlerTimeout);
    require(maxPollRecords >= 1, "maxPollRecords must be at least 1: " + maxPollRecords);
    require(worstRecordTime(maxAttempts, retryBackoff, maxRetryBackoff, handlerTimeout)
            .compareTo(MAX_POLL_INTERVAL.dividedBy(2)) < 0,
        "maxAttempts x (handlerTimeout + backoff) must stay under " + MAX_POLL_INTERVAL.dividedBy(2));
  }

  /** 5 attempts 200 ms, 400 ms, 800 ms, 1.6 s apart, 10 s per attempt, 100 records per batch. */
  public static EventConsumerSettings of(String bootstrapServers, String group, String... topics) {
    return new EventConsumerSettings(bootstrapServers, group, List.of(topics), 5, Duration.ofMillis(200),
        Duration.ofSeconds(5), Duration.ofSeconds(10), 100);
  }

  public EventConsumerSettings withRetries(int maxAttempts, Duration retryBackoff, Duration maxRetryBackoff) {
    return new EventConsumerSettings(bootstrapServers, group, topics, maxAttempts, retryBackoff, maxRetryBackoff,
        handlerTimeout, maxPollRecords);
  }

  public EventConsumerSettings withHandlerTimeout(Duration handlerTimeout) {
    return new EventConsumerSettings(bootstrapServers, group, topics, maxAttempts, retryBackoff, maxRetryBackoff,
        handlerTimeout, maxPollRecords);
  }

  public EventConsumerSettings withMaxPollRecords(int maxPollRecords) {
    return new EventConsumerSettings(bootstrapServers, group, topics, maxAttempts, retryBackoff, maxRetryBackoff,
        handlerTimeout, maxPollRecords);
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  long backoffMillis(int attempt) {
    return backoff(attempt, retryBackoff, maxRetryBackoff).toMillis();
  }

  private static Duration backoff(int attempt, Duration first, Duration max) {
    Duration wait = first.multipliedBy(1L << Math.min(attempt - 1, 20));
    return wait.compareTo(max) > 0 ? max : wait;
  }

  private static Duration worstRecordTime(int attempts, Duration first, Duration max, Duration timeout) {
    Duration total = timeout.multipliedBy(attempts);
    for (int attempt = 1; attempt < attempts; attempt++) {
      total = total.plus(backoff(attempt, first, max));
    }
    return total;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
