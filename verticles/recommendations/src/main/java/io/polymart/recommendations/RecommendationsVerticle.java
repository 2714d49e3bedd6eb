package io.polymart.recommendations;

import io.polymart.core.bus.BusServer;
import io.polymart.core.events.ActivityPublisher;
import io.polymart.core.events.EventConsumer;
import io.polymart.core.events.EventConsumerSettings;
import io.polymart.core.events.ProcessedEvents;
import io.polymart.core.metrics.Meters;
import io.polymart.core.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.RedisAPI;

import java.time.Clock;

/**
 * Wires the recommendations verticle: the consumer (group {@code polymart.recommendations}) of
 * {@code polymart.orders}, {@code polymart.activity}, {@code polymart.catalog} and {@code polymart.reviews}, whose
 * {@link RecsEventHandler} learns into Redis under {@code recs:} once per event ({@link OffsetGuard}); and the
 * addresses that answer from it ({@link RecommendationService}). State lives only in Redis, so any number of
 * instances on any number of nodes share it.
 */
public final class RecommendationsVerticle extends VerticleBase {
  static final String GROUP = "polymart.recommendations";
  private RedisAPI redis;
  private EventConsumer events;
  private RecsEventHandler handler;
  private ActivityPublisher activity;
  private DemoShoppers demo;

  @Override
  public Future<?> start() {
    RecommendationsSettings settings = RecommendationsSettings.from(config());
    redis = RedisClients.api(vertx, config(), "recommendations");
    handler = new RecsEventHandler(redis, settings);
    String bootstrapServers = config().getJsonObject("kafka").getString("bootstrapServers");
    // no set of processed event ids (it would grow without bound): the OffsetGuard's positions, checked and advanced
    // in each event's own write script, are the consumer's memory
    events = new EventConsumer(vertx, EventConsumerSettings.of(bootstrapServers, GROUP,
        RecsEventHandler.TOPICS.toArray(String[]::new)), handler, ProcessedEvents.NONE, new RedisParkedEvents(redis),
        Meters.registry(config()));
    BusServer server = new RecommendationsBindings(new RecommendationService(redis, settings, Clock.systemUTC()))
        .bind(new BusServer(vertx, Meters.registry(config())));
    if (settings.demo()) {
      activity = ActivityPublisher.acquire(vertx, bootstrapServers);
      demo = new DemoShoppers(vertx, redis, activity, settings, Clock.systemUTC());
    }
    return server.ready().compose(v -> events.start()).onSuccess(v -> {
      if (demo != null) {
        demo.start();
      }
    });
  }

  /** This instance's demo shoppers, null unless {@code recommendations.demo.enabled}. */
  DemoShoppers demo() {
    return demo;
  }

  /** This instance's consumer (tests read its partitions and counts). */
  EventConsumer events() {
    return events;
  }

  /** This instance's handler (tests read how many events it applied or found applied before). */
  RecsEventHandler handler() {
    return handler;
  }

  @Override
  public Future<?> stop() {
    if (demo != null) {
      demo.stop();
    }
    Future<Void> released = activity == null ? Future.succeededFuture() : activity.release();
    Future<Void> closed = released.compose(v -> events == null ? Future.succeededFuture() : events.close());
    return closed.onComplete(v -> {
      if (redis != null) {
        redis.close();
      }
    });
  }
}
