package io.polymart.reviews;

import io.polymart.core.audit.AuditRecorded;
import io.polymart.core.outbox.RelayProducer;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reviews' outbox relay. Publishes to {@code polymart.reviews}, for every {@code review_stats} document flagged
 * {@code unpublished} (see {@link ReviewStatsRepository}), the ReviewPublished and ReviewRemoved events waiting in its
 * {@code events} and then a ProductRatingChanged of its current version: the document is its own outbox, since the
 * embedded MongoDB has no transactions to write a separate one with the change. A round first settles the reviews a
 * crash left {@code pending} ({@link ReviewSettlement#repair}), then claims up to {@value #BATCH} flagged documents
 * that no other instance's relay holds (a lease of {@link #LEASE}), sends their records (keyed by product id, so in
 * order per product), waits for all acks, removes the review events it sent, clears each flag only if the version
 * sent is still the current one and gives its claims up. A change made meanwhile keeps its document flagged for the
 * next round: nothing is lost. Only a crash (or a round outliving its lease) between the ack and the clearing sends
 * a record twice, with the same event id, which consumers skip: nothing is applied twice. Settling is idempotent, so
 * instances may repair the same review at once.
 *
 * <p>Each round also publishes the audit entries waiting in reviews ({@link ReviewAudit}) to {@code polymart.audit},
 * keyed by their target, and then removes them: the same at-least-once, with the same event id on a resend, which the
 * audit trail's consumer keeps once.
 *
 * <p>Rounds run every {@code pollIntervalMs}, right away after {@link #wakeUp()} (a stats change on this instance),
 * and back off from 250 ms to 5 s while Kafka or MongoDB fail. The producer is configured and handled as the
 * PostgreSQL {@link OutboxRelay}'s: fetching the topic's partitions first keeps {@code send()} from blocking.
 */
final class RatingRelay {
  static final String TOPIC = "polymart.reviews";
  static final int BATCH = 100;
  private static final Logger LOG = LoggerFactory.getLogger(RatingRelay.class);
  private static final long FIRST_BACKOFF_MS = 250;
  private static final long MAX_BACKOFF_MS = 5_000;
  private static final long SEND_TIMEOUT_MS = 15_000;
  private static final long CLOSE_TIMEOUT_MS = 5_000;
  /** How long a claim on a stats document lasts: longer than a round that sends it can take. */
  static final Duration LEASE = Duration.ofMillis(SEND_TIMEOUT_MS + 10_000);

  private final Vertx vertx;
  private final Context context;
  private final ReviewStatsRepository stats;
  private final ReviewRepository reviews;
  private final ReviewSettlement settlement;
  private final RelayProducer producer;
  private final long pollIntervalMs;
  private final AtomicLong sent = new AtomicLong();
  private final String owner = UUID.randomUUID().toString();

  // confined to the context's event loop
  private boolean started;
  private boolean stopping;
  private boolean running;
  private boolean wokenUpWhileRunning;
  private Future<Integer> round = Future.succeededFuture(0);
  private long timerId = -1;
  private long backoffMs;

  /** Runs on the context it is created on: create it in the verticle's {@code start()}. */
  RatingRelay(Vertx vertx, ReviewStatsRepository stats, ReviewRepository reviews, ReviewSettlement settlement,
      String bootstrapServers, long pollIntervalMs) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.stats = stats;
    this.reviews = reviews;
    this.settlement = settlement;
    this.producer = new RelayProducer(vertx, context, bootstrapServers, "reviews-rating");
    this.pollIntervalMs = pollIntervalMs;
  }

  Future<Void> start() {
    return Future.future(promise -> context.runOnContext(v -> {
      started = true;
      trigger(false);
      promise.complete();
    }));
  }

  /** Lets a running round finish, then closes the producer. Flagged documents stay flagged. */
  Future<Void> stop() {
    return Future.<Void>future(promise -> context.runOnContext(v -> {
      stopping = true;
      vertx.cancelTimer(timerId);
      round.transform(ar -> producer.close(CLOSE_TIMEOUT_MS)).onComplete(promise);
    }));
  }

  /** Runs a round soon (not while backing off from a failure). */
  void wakeUp() {
    context.runOnContext(v -> trigger(true));
  }

  /** Records (of every type) sent and acknowledged so far by this relay. */
  long sent() {
    return sent.get();
  }

  private void trigger(boolean wakeUp) {
    if (!started || stopping) {
      return;
    }
    if (running) {
      wokenUpWhileRunning |= wakeUp;
      return;
    }
    if (wakeUp && backoffMs > 0) {
      return;
    }
    vertx.cancelTimer(timerId);
    running = true;
    round = runRound().onComplete(this::roundEnded);
  }

  /**
   * Completes with the largest of the reviews repaired, the documents published and the reviews whose audit entries
   * were published: a full batch means more.
   */
  private Future<Integer> runRound() {
    return settlement.repair(BATCH).compose(repaired -> stats.claimUnpublished(BATCH, owner, Instant.now(), LEASE)
        .compose(docs -> docs.isEmpty() ? Future.succeededFuture(0) : publish(docs))
        .map(published -> Math.max(repaired, published)))
        .compose(done -> reviews.withAuditEntries(BATCH)
            .compose(audited -> audited.isEmpty() ? Future.succeededFuture(0) : publishAudit(audited))
            .map(audited -> Math.max(done, audited)));
  }

  private Future<Integer> publishAudit(List<Document> audited) {
    List<KafkaProducerRecord<String, String>> records = new ArrayList<>();
    for (Document review : audited) {
      String key = ReviewAudit.target(review.getString("_id"));
      ReviewAudit.entries(review).forEach(entry -> records.add(KafkaProducerRecord.create(AuditRecorded.TOPIC, key,
          entry.getString("value"))));
    }
    return producer.ready().compose(p -> p.partitionsFor(AuditRecorded.TOPIC)
            .compose(partitions -> Future.all(records.stream().map(p::send).toList())))
        .timeout(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .compose(acked -> {
          sent.addAndGet(records.size());
          return Future.all(audited.stream().map(review -> reviews.auditSent(review.getString("_id"),
              ReviewAudit.entries(review))).toList());
        })
        .map(audited.size());
  }

  private Future<Integer> publish(List<Document> docs) {
    List<KafkaProducerRecord<String, String>> records = new ArrayList<>();
    for (Document doc : docs) {
      String productId = doc.getString("_id");
      reviewEvents(doc).forEach(event -> records.add(KafkaProducerRecord.create(TOPIC, productId,
          event.getString("value"))));
      records.add(KafkaProducerRecord.create(TOPIC, productId, RatingSnapshot.event(doc).encode()));
    }
    return producer.ready().compose(p -> p.partitionsFor(TOPIC)
            .compose(partitions -> Future.all(records.stream().map(p::send).toList())))
        .timeout(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .compose(acked -> {
          sent.addAndGet(records.size());
          return Future.all(docs.stream().map(this::markSent).toList());
        })
        .map(docs.size());
  }

  private Future<Boolean> markSent(Document doc) {
    String productId = doc.getString("_id");
    List<String> ids = reviewEvents(doc).stream().map(event -> event.getString("id")).toList();
    Future<Void> removed = ids.isEmpty() ? Future.succeededFuture() : stats.removeEvents(productId, ids);
    return removed.compose(v -> stats.markPublished(productId, RatingSnapshot.version(doc)))
        .compose(marked -> stats.release(productId, owner).map(marked));
  }

  private static List<Document> reviewEvents(Document doc) {
    List<Document> events = doc.getList("events", Document.class);
    return events == null ? List.of() : events;
  }

  private void roundEnded(AsyncResult<Integer> result) {
    running = false;
    boolean again = wokenUpWhileRunning;
    wokenUpWhileRunning = false;
    long delay;
    if (result.failed()) {
      if (backoffMs == 0) {
        LOG.warn("Rating relay: could not publish, the stats stay flagged; retrying until it works: {}",
            result.cause().toString());
      }
      backoffMs = backoffMs == 0 ? FIRST_BACKOFF_MS : Math.min(2 * backoffMs, MAX_BACKOFF_MS);
      producer.drop();
      delay = backoffMs;
    } else {
      if (backoffMs > 0) {
        LOG.info("Rating relay: publishing works again");
      }
      backoffMs = 0;
      delay = result.result() == BATCH || again ? 0 : pollIntervalMs;
    }
    if (!stopping) {
      timerId = vertx.setTimer(Math.max(1, delay), id -> trigger(false));
    }
  }
}
