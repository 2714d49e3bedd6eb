package io.polymart.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.polymart.core.client.BusClient;
import io.polymart.core.client.BusSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request between verticles goes to the callee's instance on the caller's event loop, where there is one. */
class SameLoopAddressesTest {
  private static final String ADDRESS = "test.same-loop";
  private static final int REQUESTS = 20;
  private final Vertx vertx = Vertx.vertx();
  private final BusClient client = new BusClient(vertx, new BusSettings(Duration.ofSeconds(5)));

  @AfterEach
  void close() {
    await(vertx.close());
  }

  /** A verticle instance with a server answering with its thread's name, on the event loop Vert.x gives it. */
  private Context instance() {
    List<Context> deployed = new ArrayList<>();
    await(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        deployed.add(context);
        return new BusServer(vertx).handle(ADDRESS, request -> Future.succeededFuture(
            new JsonObject().put("thread", Thread.currentThread().getName()))).ready();
      }
    }));
    return deployed.get(0);
  }

  /** The threads that answered {@code REQUESTS} requests sent one after another from {@code context}. */
  private Set<String> answeringThreads(Context context) {
    Promise<Set<String>> threads = Promise.promise();
    context.runOnContext(v -> sendInTurn(new TreeSet<>(), REQUESTS).onComplete(threads));
    return await(threads.future());
  }

  private Future<Set<String>> sendInTurn(Set<String> threads, int left) {
    if (left == 0) {
      return Future.succeededFuture(threads);
    }
    return client.request(ADDRESS, new JsonObject()).compose(reply -> {
      threads.add(reply.getString("thread"));
      return sendInTurn(threads, left - 1);
    });
  }

  private static String threadOf(Context context) {
    Promise<String> name = Promise.promise();
    context.runOnContext(v -> name.complete(Thread.currentThread().getName()));
    return await(name.future());
  }

  @Test
  void aCallerOnAnInstancesEventLoopIsAnsweredByThatInstanceOnly() {
    Context first = instance();
    Context second = instance();
    assertThat(threadOf(first)).as("two event loops").isNotEqualTo(threadOf(second));

    assertThat(answeringThreads(first)).containsExactly(threadOf(first));
    assertThat(answeringThreads(second)).containsExactly(threadOf(second));
  }

  @Test
  void aCallerOffEveryInstancesLoopIsBalancedOverThemAll() {
    Context first = instance();
    Context second = instance();
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      replies.add(client.request(ADDRESS, new JsonObject()));
    }
    Set<String> threads = new TreeSet<>();
    replies.forEach(reply -> threads.add(await(reply).getString("thread")));
    assertThat(threads).containsExactlyInAnyOrder(threadOf(first), threadOf(second));
  }

  @Test
  void onceAnInstanceIsDrainedCallersOnItsLoopAreAnsweredByTheOthers() {
    Context leaving = instance();
    Context staying = instance();
    await(BusServer.drainAll(leaving, Duration.ofSeconds(5)));

    assertThat(answeringThreads(leaving)).containsExactly(threadOf(staying));
  }

  @Test
  void twoInstancesOnOneLoopKeepItsAddressUntilBothAreDrained() {
    Context first = instance();
    Context sameLoop = instanceOnTheLoopOf(first);
    Context other = instance();
    assertThat(threadOf(sameLoop)).isEqualTo(threadOf(first));
    assertThat(threadOf(other)).isNotEqualTo(threadOf(first));

    await(BusServer.drainAll(first, Duration.ofSeconds(5)));
    assertThat(answeringThreads(sameLoop)).containsExactly(threadOf(first));
    await(BusServer.drainAll(sameLoop, Duration.ofSeconds(5)));
    assertThat(answeringThreads(other)).containsExactly(threadOf(other));
    assertThat(answeringThreads(first)).as("no instance left on that loop").containsExactly(threadOf(other));
  }

  /**
   * Another instance on {@code context}'s event loop, as Vert.x places instances when there are more than loops
   * (each new instance takes the next loop in turn; the ones in between are drained again).
   */
  private Context instanceOnTheLoopOf(Context context) {
    String loop = threadOf(context);
    for (int tries = 0; tries < 16; tries++) {
      Context candidate = instance();
      if (threadOf(candidate).equals(loop)) {
        return candidate;
      }
      await(BusServer.drainAll(candidate, Duration.ofSeconds(5)));
    }
    throw new AssertionError("no second instance on " + loop);
  }

  private static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
