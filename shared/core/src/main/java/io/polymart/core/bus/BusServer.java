package io.polymart.core.bus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.polymart.core.error.BackendOutage;
import io.polymart.core.error.ServiceException;
import io.polymart.core.logging.RequestScope;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.eventbus.impl.MessageConsumerImpl;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Binds request handlers to event-bus addresses and turns their failures into reply failures the
 * gateway understands. Unexpected errors are logged here and shown to callers only as a 500. A server created on an
 * event loop binds each handler at its {@link SameLoopAddresses same-loop address} too, for callers on that loop.
 *
 * <p>Given the node's registry, it times every request from its arrival to its answer, per address and outcome
 * ({@code polymart_bus_requests_seconds{address, outcome="ok|4xx|5xx"}}): the event bus's own metrics count messages
 * per address but do not time them. Each request's handling runs in its {@link RequestScope}; at DEBUG, each answer
 * is logged with its time, so that one request's hops can be followed through the verticles by its id.
 *
 * <p>{@link #drain} lets an instance leave without failing a request: it stops taking requests, answers those that
 * reached it but had not started with {@code NO_HANDLERS} (callers send them again, see {@link UnhandledRequests}),
 * and completes once the requests it is handling are answered. The platform drains every server of a verticle
 * instance ({@link #drainAll}) before stopping it.
 */
public final class BusServer {
  /** The Vert.x-local map whose keys are every address bound through a BusServer in this Vert.x instance. */
  public static final String BOUND_ADDRESSES = "polymart.bus.bound-addresses";
  private static final Logger LOG = LoggerFactory.getLogger(BusServer.class);
  private static final String SERVERS = BusServer.class.getName();
  private final Vertx vertx;
  private final MeterRegistry registry;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private final List<String> sameLoopAddresses = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile Promise<Void> idle;

  public BusServer(Vertx vertx) {
    this(vertx, new CompositeMeterRegistry());
  }

  /**
   * Created in a verticle's start, the server is listed on the verticle's context for {@link #drainAll}.
   *
   * @param registry where to time the requests ({@link io.polymart.core.metrics.Meters#registry})
   */
  public BusServer(Vertx vertx, MeterRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
    Context context = Vertx.currentContext();
    if (context != null) {
      List<BusServer> servers = context.get(SERVERS);
      if (servers == null) {
        servers = new CopyOnWriteArrayList<>();
        context.put(SERVERS, servers);
      }
      servers.add(this);
    }
  }

  /** Handlers reply with a JSON object, or {@code null} for "no content". */
  public BusServer handle(String address, Function<BusRequest, Future<JsonObject>> handler) {
    return handleReply(address, request -> handler.apply(request).map(BusReply::of));
  }

  /** Like {@link #handle} for handlers whose reply carries headers too. */
  public BusServer handleReply(String address, Function<BusRequest, Future<BusReply>> handler) {
    vertx.sharedData().<String, Boolean>getLocalMap(BOUND_ADDRESSES).put(address, true);
    // the failure timers on first use: most addresses never fail, and three timers each would triple the series
    Timer ok = timer(address, "ok");
    Handler<Message<JsonObject>> handling = message -> {
      long start = System.nanoTime();
      inFlight.incrementAndGet();
      // each message runs on a duplicated context of its own: its log lines carry the request it is for
      RequestScope.enter(message.headers().get(BusHeaders.REQUEST_ID), message.headers().get(BusHeaders.USER_ID));
      Future<BusReply> result;
      try {
        result = handler.apply(new BusRequest(message));
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(done -> {
        answered();
        if (done.succeeded()) {
          DeliveryOptions options = new DeliveryOptions();
          done.result().headers().forEach(options::addHeader);
          message.reply(done.result().bodyFor(message.headers()), options);
          ok.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
          if (LOG.isDebugEnabled()) {
            LOG.debug("{} answered in {} µs", address, (System.nanoTime() - start) / 1_000);
          }
        } else {
          Throwable failure = done.cause();
          // a downstream verticle's answer (a 404 from the catalog, a timeout) passes on as that verticle gave it
          ServiceException error = ServiceException.fromFailure(failure);
          if (error.status() == 500 && !(failure instanceof ServiceException)) {
            LOG.error("Handler for {} failed", address, failure);
          } else if (error.status() == 503 && BackendOutage.is(failure)) {
            LOG.warn("Handler for {} answered 503, a backend is unavailable: {}", address, failure.toString());
          }
          message.fail(error.status(), error.toJson().encode());
          timer(address, error.status() >= 500 ? "5xx" : "4xx")
              .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
          if (LOG.isDebugEnabled()) {
            LOG.debug("{} answered {} in {} µs", address, error.status(), (System.nanoTime() - start) / 1_000);
          }
        }
      });
    };
    consumers.add(vertx.eventBus().consumer(address, handling));
    String sameLoop = SameLoopAddresses.of(address);
    if (sameLoop != null) {
      consumers.add(vertx.eventBus().localConsumer(sameLoop, handling));
      SameLoopAddresses.listed(vertx, sameLoop);
      sameLoopAddresses.add(sameLoop);
    }
    return this;
  }

  private Timer timer(String address, String outcome) {
    return Timer.builder("polymart.bus.requests").description("Event-bus requests handled, by address and outcome")
        .tag("address", address).tag("outcome", outcome).register(registry);
  }

  private void answered() {
    Promise<Void> waiting = idle;
    if (inFlight.decrementAndGet() == 0 && waiting != null) {
      waiting.tryComplete();
    }
  }

  /**
   * Stops taking requests and completes once every request being handled is answered, or after {@code limit}.
   * Requests that had reached this server's queue but not its handler are answered {@code NO_HANDLERS}: they were
   * never handled, so their senders may send them again.
   */
  public Future<Void> drain(Duration limit) {
    Promise<Void> drained = Promise.promise();
    idle = drained;
    // unlisted first: callers on this loop then send to the address itself, which other instances serve
    sameLoopAddresses.forEach(sameLoop -> SameLoopAddresses.unlisted(vertx, sameLoop));
    sameLoopAddresses.clear();
    List<Future<Void>> unregistered = new ArrayList<>();
    for (MessageConsumer<JsonObject> consumer : consumers) {
      if (consumer instanceof MessageConsumerImpl<JsonObject> impl) {
        // Vert.x's own answer to a request dropped by an unregistered consumer is a TIMEOUT, which a caller cannot
        // tell from a request that was handled too slowly
        impl.discardHandler(message -> message.reply(new ReplyException(ReplyFailure.NO_HANDLERS, -1,
            "Not handled: the instance serving " + message.address() + " was leaving")));
      }
      unregistered.add(consumer.unregister());
    }
    consumers.clear();
    long timer = vertx.setTimer(limit.toMillis(), any -> {
      if (drained.tryComplete()) {
        LOG.warn("Stopped waiting for {} request(s) after {}", inFlight.get(), limit);
      }
    });
    if (inFlight.get() == 0) {
      drained.tryComplete();
    }
    return Future.join(unregistered).transform(v -> drained.future()).onComplete(v -> vertx.cancelTimer(timer));
  }

  /** {@link #drain}s every server created on {@code context}, a verticle instance's context. */
  public static Future<Void> drainAll(Context context, Duration limit) {
    List<BusServer> servers = context.get(SERVERS);
    if (servers == null) {
      return Future.succeededFuture();
    }
    return Future.all(servers.stream().map(server -> server.drain(limit)).toList()).mapEmpty();
  }

  /** Resolves once every consumer is registered (cluster-wide when clustered). */
  public Future<Void> ready() {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }
}
