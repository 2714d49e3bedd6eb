package io.polymart.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An instance leaving at run time: its servers stop taking requests and finish those they are handling. */
class BusServerDrainTest {
  private static final String ADDRESS = "test.drained";
  private final Vertx vertx = Vertx.vertx();
  private final List<Promise<JsonObject>> handling = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    await(vertx.close());
  }

  /** A server on a context of its own, as in a verticle instance, whose handler answers when the test says. */
  private Context instance() {
    Context context = vertx.getOrCreateContext();
    Promise<Void> bound = Promise.promise();
    context.runOnContext(v -> new BusServer(vertx).handle(ADDRESS, request -> {
      Promise<JsonObject> answer = Promise.promise();
      handling.add(answer);
      return answer.future();
    }).ready().onComplete(bound));
    await(bound.future());
    return context;
  }

  private Future<Message<JsonObject>> request() {
    return vertx.eventBus().request(ADDRESS, BusRequest.envelope(new JsonObject()));
  }

  @Test
  void aDrainedServerTakesNoMoreRequestsAndCompletesOnceItsRequestsAreAnswered() {
    Context instance = instance();
    Future<Message<JsonObject>> inFlight = request();
    awaitCondition(() -> handling.size() == 1);

    Future<Void> drained = BusServer.drainAll(instance, Duration.ofSeconds(10));
    Throwable refused = awaitFailure(request());
    assertThat(((ReplyException) refused).failureType()).isEqualTo(ReplyFailure.NO_HANDLERS);
    assertThat(drained.isComplete()).as("drained while a request is being handled").isFalse();

    handling.get(0).complete(new JsonObject().put("answered", true));
    assertThat(await(inFlight).body().getBoolean("answered")).isTrue();
    await(drained);
  }

  @Test
  void aDrainStopsWaitingAfterItsLimit() {
    Context instance = instance();
    request();
    awaitCondition(() -> handling.size() == 1);
    long started = System.nanoTime();
    await(BusServer.drainAll(instance, Duration.ofMillis(300)));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(250L, 5_000L);
  }

  @Test
  void aRequestThatReachedNoHandlerIsSentAgainUntilOneAnswers() {
    Future<Message<JsonObject>> sent = UnhandledRequests.send(vertx, this::request);
    vertx.setTimer(60, t -> vertx.eventBus().<JsonObject>consumer(ADDRESS, m -> m.reply(new JsonObject().put("ok", 1))));
    assertThat(await(sent).body().getInteger("ok")).isEqualTo(1);

    Future<Message<JsonObject>> refused = UnhandledRequests.send(vertx,
        () -> Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 409, "no")));
    assertThat(((ReplyException) awaitFailure(refused)).failureCode()).as("handled failures are not resent")
        .isEqualTo(409);
  }

  private static void awaitCondition(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }

  private static Throwable awaitFailure(Future<?> future) {
    Throwable failure = await(future.transform(done -> Future.succeededFuture(done.cause())));
    assertThat(failure).as("a failure").isNotNull();
    return failure;
  }
}
