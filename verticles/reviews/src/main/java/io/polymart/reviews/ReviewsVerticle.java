package io.polymart.reviews;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;
import io.polymart.core.bus.BusServer;
import io.polymart.core.metrics.Meters;
import io.polymart.core.ratelimit.RateLimiter;
import io.polymart.core.redis.RedisClients;
import io.polymart.core.client.BusClient;
import io.polymart.core.client.CatalogProductClient;
import io.polymart.core.events.EventConsumer;
import io.polymart.core.events.EventConsumerSettings;
import io.polymart.core.events.MongoParkedEvents;
import io.polymart.core.events.ProcessedEvents;
import io.polymart.core.mongo.MongoClients;
import io.polymart.core.s3.BucketObjects;
import io.polymart.core.s3.S3Clients;
import io.polymart.core.sweep.Sweeper;
import io.polymart.reviews.image.ReviewImageBindings;
import io.polymart.reviews.image.ReviewImageRepository;
import io.polymart.reviews.image.ReviewImageService;
import io.polymart.reviews.image.ReviewImageSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;

import java.time.Duration;

/**
 * Wires the reviews verticle: the purchase projection fed by {@code polymart.orders} (consumer group
 * {@code polymart.reviews}) and the address that reads it; reviews and their per-product stats, whose changes the
 * {@link RatingRelay} publishes to {@code polymart.reviews} (and settles after a crash); helpful votes and reports, and
 * the {@link VoteRepair} of votes cut short; the catalog, asked over the event bus for the product a review is written
 * about; review images in S3 ({@code review-images}), with the sweep that removes those never attached.
 */
public final class ReviewsVerticle extends VerticleBase {
  static final String ORDERS_TOPIC = "polymart.orders";
  static final String GROUP = "polymart.reviews";
  /** Collection of the consumer's parked events: {@code reviews_parked_events}. */
  static final String STORE_PREFIX = "reviews";
  /** The verticle's Redis key prefix. */
  static final String REDIS_PREFIX = "reviews:";
  private DemoReviews demoReviews;
  private ReviewsSettings settings;
  private MongoClient mongo;
  /**
   * How often the rating relay looks for work no change announced (what a crashed instance left): every change on
   * this instance wakes it at once. Each look is a query of the reviews and stats collections, which the embedded
   * MongoDB stand-in answers by reading and deserialising every document (it keeps no secondary index): every 250 ms,
   * this was most of an idle platform's CPU and allocation, and it caused a full collection of the heap every few
   * seconds.
   */
  static final long RATING_RELAY_INTERVAL_MS = 5_000;
  /** A vote pending this long was cut short by a crash (a vote takes milliseconds); its review is recounted. */
  static final Duration VOTE_STUCK_AFTER = Duration.ofMinutes(1);
  static final Duration VOTE_REPAIR_INTERVAL = Duration.ofSeconds(30);
  private VoteRepair voteRepair;
  private long voteRepairTimer = -1;
  private EventConsumer orderEvents;
  private RatingRelay ratingRelay;
  /** Shared by every reviews instance in the JVM, so at most this many images are decoded at once. */
  private static final String RESIZING_POOL = "polymart-reviews-images";
  private static final int RESIZING_THREADS = 2;
  private static final int SWEEP_BATCH = 100;
  private ReviewImageSettings imageSettings;
  private WorkerExecutor resizing;
  private Sweeper imageSweeper;

  private record BlockingClients(MongoClient mongo, MinioClient s3) {
  }
  private ReviewService reviewService;

  @Override
  public Future<?> start() {
    settings = ReviewsSettings.from(config());
    imageSettings = ReviewImageSettings.from(config());
    // Creating the MongoDB and S3 clients loads and initialises a lot: not on the event loop.
    return vertx.executeBlocking(() -> new BlockingClients(MongoClients.create(config()), S3Clients.create(config())),
        false).compose(clients -> {
          mongo = clients.mongo();
          return wire(mongo.getDatabase(config().getJsonObject("mongo").getString("database")), clients.s3());
        });
  }

  private Future<Void> wire(MongoDatabase database, MinioClient s3) {
    PurchaseRepository purchases = new PurchaseRepository(vertx,
        database.getCollection(PurchaseRepository.COLLECTION),
        database.getCollection(PurchaseRepository.ORDERS_COLLECTION));
    ReviewRepository reviews = new ReviewRepository(vertx, database.getCollection(ReviewRepository.COLLECTION));
    MeterRegistry meters = Meters.registry(config());
    Counter published = Counter.builder("polymart.reviews.published")
        .description("Reviews that entered PUBLISHED (moderated, or published at once)").register(meters);
    ReviewStatsRepository stats = new ReviewStatsRepository(vertx,
        database.getCollection(ReviewStatsRepository.COLLECTION), () -> ratingRelay.wakeUp(), published::increment);
    ReviewSettlement settlement = new ReviewSettlement(reviews, stats);
    ratingRelay = new RatingRelay(vertx, stats, reviews, settlement,
        config().getJsonObject("kafka").getString("bootstrapServers"), RATING_RELAY_INTERVAL_MS);
    PurchaseService purchaseService = new PurchaseService(purchases);
    ReviewedProducts products = new ReviewedProducts(new CatalogProductClient(BusClient.create(vertx, config())));
    ReviewImageRepository imageRecords = new ReviewImageRepository(vertx,
        database.getCollection(ReviewImageRepository.COLLECTION));
    BucketObjects imageObjects = new BucketObjects(vertx, s3, ReviewImageService.BUCKET);
    resizing = vertx.createSharedWorkerExecutor(RESIZING_POOL, RESIZING_THREADS);
    ReviewImageService images = new ReviewImageService(resizing, imageRecords, imageObjects, imageSettings);
    imageSweeper = new Sweeper(vertx, "unattached review images removed",
        imageSettings.sweepIntervalSeconds() * 1000, SWEEP_BATCH, images::sweep);
    reviewService = new ReviewService(settings, purchaseService, reviews, stats, products, images, settlement,
        () -> ratingRelay.wakeUp());
    orderEvents = new EventConsumer(vertx,
        EventConsumerSettings.of(config().getJsonObject("kafka").getString("bootstrapServers"), GROUP, ORDERS_TOPIC),
        // no processed-event marks: each order's document keeps the ids of the events it took and its latest
        // version, which skip a copy or an older event in the same write; a mark would cost two more round trips
        new PurchaseProjection(purchases, reviewService::reverify), ProcessedEvents.NONE,
        new MongoParkedEvents(vertx, database, STORE_PREFIX), meters);
    VoteRepository votes = new VoteRepository(vertx, database.getCollection(VoteRepository.COLLECTION));
    ReportRepository reports = new ReportRepository(vertx, database.getCollection(ReportRepository.COLLECTION));
    voteRepair = new VoteRepair(reviews, votes, VOTE_STUCK_AFTER);
    ReviewVotes reviewVotes = new ReviewVotes(reviews, votes);
    ReviewLimits limits = new ReviewLimits(new RateLimiter(RedisClients.api(vertx, config(), "reviews"), REDIS_PREFIX,
        settings.rateLimit().windowSeconds()), settings.rateLimit());
    BusServer server = new ReviewImageBindings(images, userId -> limits.upload(userId, Future::succeededFuture))
        .bind(new ReviewsBindings(purchaseService, reviewService, new ReplyService(reviews, () -> ratingRelay.wakeUp()), reviewVotes,
            new ReviewReports(settings, reviews, reports, reviewService), limits).bind(new BusServer(vertx, meters)));
    if (settings.demo()) {
      demoReviews = new DemoReviews(vertx, BusClient.create(vertx, config()),
          new DemoProductsDone(vertx, database.getCollection(DemoProductsDone.COLLECTION)), purchases, reviewService,
          reviews, reviewVotes);
    }
    return purchases.createIndexes()
        .compose(v -> reviews.createIndexes())
        .compose(v -> votes.createIndexes())
        .compose(v -> reports.createIndexes())
        .compose(v -> {
          voteRepairTimer = vertx.setPeriodic(VOTE_REPAIR_INTERVAL.toMillis(), id -> voteRepair.run());
          return Future.<Void>succeededFuture();
        })
        .compose(v -> stats.createIndexes())
        .compose(v -> imageRecords.createIndexes())
        .compose(v -> imageObjects.ensureBucket())
        .compose(v -> new LegacyReviews(reviews, stats).adopt())
        .compose(v -> new LegacyPurchases(purchases).adopt())
        .compose(v -> server.ready())
        .onSuccess(v -> imageSweeper.start())
        .compose(v -> ratingRelay.start())
        .compose(v -> orderEvents.start())
        // in the background: the start does not wait for the catalog's demo products
        .onSuccess(v -> {
          if (demoReviews != null) {
            demoReviews.start();
          }
        });
  }

  /** This instance's consumer of order events (tests read its counts and partitions). */
  EventConsumer orderEvents() {
    return orderEvents;
  }

  /** This instance's review service (tests simulate a crash with its {@code write}). */
  ReviewService reviewService() {
    return reviewService;
  }

  /** This instance's relay of review and rating events to {@code polymart.reviews}. */
  RatingRelay ratingRelay() {
    return ratingRelay;
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(voteRepairTimer);
    if (imageSweeper != null) {
      imageSweeper.stop();
    }
    if (demoReviews != null) {
      demoReviews.stop();
    }
    if (resizing != null) {
      resizing.close();
    }
    Future<Void> consumerClosed = orderEvents == null ? Future.succeededFuture() : orderEvents.close();
    Future<Void> relayStopped = ratingRelay == null ? Future.succeededFuture() : ratingRelay.stop();
    return Future.join(consumerClosed, relayStopped).onComplete(v -> {
      if (mongo != null) {
        mongo.close();
      }
    });
  }
}
