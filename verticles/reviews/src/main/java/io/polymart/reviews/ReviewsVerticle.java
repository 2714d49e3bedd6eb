package io.polymart.reviews;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.polymart.core.bus.BusServer;
import io.polymart.core.events.EventConsumer;
import io.polymart.core.events.EventConsumerSettings;
import io.polymart.core.events.MongoParkedEvents;
import io.polymart.core.events.MongoProcessedEvents;
import io.polymart.core.mongo.MongoClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Wires the reviews verticle: the purchase projection fed by {@code polymart.orders} (consumer group
 * {@code polymart.reviews}) and the address that reads it; reviews and their per-product stats, whose changes the
 * {@link RatingRelay} publishes to {@code polymart.reviews} (and settles after a crash).
 */
public final class ReviewsVerticle extends VerticleBase {
  static final String ORDERS_TOPIC = "polymart.orders";
  static final String GROUP = "polymart.reviews";
  /** Collections of the consumer's stores: {@code reviews_processed_events}, {@code reviews_parked_events}. */
  static final String STORE_PREFIX = "reviews";
  private ReviewsSettings settings;
  private MongoClient mongo;
  /** How often the rating relay looks for unpublished stats besides being woken up by a change. */
  static final long RATING_RELAY_INTERVAL_MS = 250;
  private EventConsumer orderEvents;
  private RatingRelay ratingRelay;
  private ReviewService reviewService;

  @Override
  public Future<?> start() {
    settings = ReviewsSettings.from(config());
    // Creating the MongoDB client loads and initialises a lot: not on the event loop.
    return vertx.executeBlocking(() -> MongoClients.create(config()), false).compose(client -> {
      mongo = client;
      return wire(mongo.getDatabase(config().getJsonObject("mongo").getString("database")));
    });
  }

  private Future<Void> wire(MongoDatabase database) {
    PurchaseRepository purchases = new PurchaseRepository(vertx,
        database.getCollection(PurchaseRepository.COLLECTION));
    ReviewRepository reviews = new ReviewRepository(vertx, database.getCollection(ReviewRepository.COLLECTION));
    ReviewStatsRepository stats = new ReviewStatsRepository(vertx,
        database.getCollection(ReviewStatsRepository.COLLECTION), () -> ratingRelay.wakeUp());
    ReviewSettlement settlement = new ReviewSettlement(reviews, stats);
    ratingRelay = new RatingRelay(vertx, stats, settlement,
        config().getJsonObject("kafka").getString("bootstrapServers"), RATING_RELAY_INTERVAL_MS);
    PurchaseService purchaseService = new PurchaseService(purchases);
    reviewService = new ReviewService(settings, purchaseService, reviews, stats, settlement);
    orderEvents = new EventConsumer(vertx,
        EventConsumerSettings.of(config().getJsonObject("kafka").getString("bootstrapServers"), GROUP, ORDERS_TOPIC),
        new PurchaseProjection(purchases, reviewService::reverify), new MongoProcessedEvents(vertx, database,
        STORE_PREFIX), new MongoParkedEvents(vertx, database, STORE_PREFIX));
    BusServer server = new ReviewsBindings(purchaseService, reviewService).bind(new BusServer(vertx));
    return purchases.createIndexes()
        .compose(v -> reviews.createIndexes())
        .compose(v -> stats.createIndexes())
        .compose(v -> new LegacyReviews(reviews, stats).adopt())
        .compose(v -> server.ready())
        .compose(v -> ratingRelay.start())
        .compose(v -> orderEvents.start());
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
    Future<Void> consumerClosed = orderEvents == null ? Future.succeededFuture() : orderEvents.close();
    Future<Void> relayStopped = ratingRelay == null ? Future.succeededFuture() : ratingRelay.stop();
    return Future.join(consumerClosed, relayStopped).onComplete(v -> {
      if (mongo != null) {
        mongo.close();
      }
    });
  }
}
