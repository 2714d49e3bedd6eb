package io.polymart.catalog.cache;

import io.polymart.catalog.CatalogFixture;
import io.polymart.core.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.RedisAPI;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.polymart.catalog.CatalogFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generation reads share a Redis read only with reads asked for before it was sent: batching never hides a change
 * acknowledged before a read was asked for.
 */
class GenerationReadsTest {
  private final RedisAPI redis = RedisClients.api(CatalogFixture.vertx(), CatalogFixture.config(), "test");
  private final GenerationReads reads = new GenerationReads(redis);

  private static String key() {
    return "test:generation:" + UUID.randomUUID();
  }

  @Test
  void readsAskedWhileOneIsInFlightGoTogetherInTheNext() {
    String first = key();
    String second = key();
    String third = key();
    await(redis.set(List.of(second, "7")));

    // the first is sent at once; the two others wait for it and go in one MGET. All three are asked in one task of
    // an event loop, as a verticle asks them: the first's answer runs on that event loop too, so it cannot end
    // before the others are asked (from the test's thread it sometimes did).
    record Asked(Future<Map<String, String>> one, Future<Map<String, String>> two, Future<String> three) {
    }
    Promise<Asked> asked = Promise.promise();
    CatalogFixture.vertx().getOrCreateContext().runOnContext(task ->
      asked.complete(new Asked(reads.read(List.of(first)), reads.read(List.of(second)), reads.read(third))));
    Asked answers = await(asked.future());
    Future<Map<String, String>> one = answers.one();
    Future<Map<String, String>> two = answers.two();
    Future<String> three = answers.three();

    assertThat(await(one)).isEqualTo(Map.of(first, "0"));
    assertThat(await(two)).containsEntry(second, "7").containsEntry(third, "0").hasSize(2);
    assertThat(await(three)).isEqualTo("0");
    assertThat(await(two)).isNotSameAs(await(one));
  }

  @Test
  void aReadAskedAfterAnAcknowledgedChangeSeesItEvenWhileAnEarlierReadIsInFlight() {
    String key = key();
    // an earlier read of the key with a long answer (about 8 MB), so that it is often still in flight, and its
    // answer read before the change below, when the change is acknowledged
    List<String> earlierKeys = new ArrayList<>(List.of(key));
    List<String> filler = new ArrayList<>();
    String value = "x".repeat(4_000);
    for (int i = 0; i < 2_000; i++) {
      String busy = key();
      earlierKeys.add(busy);
      filler.add(busy);
      filler.add(value);
    }
    await(redis.mset(filler));
    try {
      for (int round = 1; round <= 20; round++) {
        Future<Map<String, String>> earlier = reads.read(earlierKeys);
        long changed = await(redis.incr(key)).toLong();
        assertThat(await(reads.read(key))).as("round %d", round).isEqualTo(Long.toString(changed));
        await(earlier);
      }
    } finally {
      List<String> keys = new ArrayList<>(earlierKeys);
      await(redis.del(keys));
    }
  }

  @Test
  void aFailedReadFailsItsCallersAndLetsTheNextGo() {
    RedisAPI closed = RedisClients.api(CatalogFixture.vertx(), CatalogFixture.config(), "test-closed");
    closed.close();
    GenerationReads broken = new GenerationReads(closed);

    assertThat(broken.read(key()).toCompletionStage().toCompletableFuture()).failsWithin(Duration.ofSeconds(10));
    assertThat(broken.read(key()).toCompletionStage().toCompletableFuture()).failsWithin(Duration.ofSeconds(10));
  }
}
