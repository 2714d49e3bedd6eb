package io.polymart.catalog.search;

import io.polymart.catalog.CatalogFixture;
import io.polymart.catalog.cache.ProductCache;
import io.polymart.core.bus.Paging;
import io.polymart.core.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.polymart.catalog.CatalogFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The kept answers by themselves: generation, lifetime and capacity. */
class SearchResultsTest {
  private final RedisAPI redis = RedisClients.api(CatalogFixture.vertx(), CatalogFixture.config(), "test");
  private final AtomicInteger runs = new AtomicInteger();

  private static SearchQuery query(String sort) {
    return new SearchQuery(null, List.of(), List.of(), List.of(), null, null, new JsonObject(), sort, new Paging(1, 20));
  }

  private SearchResults.Lookup search(SearchResults results, SearchQuery query) {
    return await(results.get(query, () -> {
      runs.incrementAndGet();
      return Future.succeededFuture(new SearchResults.Result(Buffer.buffer("{\"sort\":\"" + query.sort() + "\"}"), 1));
    }));
  }

  @Test
  void anAnswerIsKeptUntilTheCatalogGenerationMoves() {
    SearchResults results = new SearchResults(redis, 10, Duration.ofMinutes(5));
    SearchQuery newest = query("newest");

    assertThat(search(results, newest).hit()).isFalse();
    // another test's catalog change (a reservation swept) may move the generation meanwhile: then it is a miss
    String before = generation();
    SearchResults.Lookup again = search(results, newest);
    if (before.equals(generation())) {
      assertThat(again.hit()).isTrue();
      assertThat(runs.get()).isEqualTo(1);
    }
    int runsBefore = runs.get();

    await(redis.incr(ProductCache.CATALOG_GENERATION_KEY));
    SearchResults.Lookup after = search(results, newest);
    assertThat(after.hit()).isFalse();
    assertThat(after.result().json().toString()).isEqualTo("{\"sort\":\"newest\"}");
    assertThat(runs.get()).isEqualTo(runsBefore + 1);
  }

  private String generation() {
    var value = await(redis.get(ProductCache.CATALOG_GENERATION_KEY));
    return value == null ? "0" : value.toString();
  }

  @Test
  void anAnswerPastItsLifetimeIsComputedAgain() {
    SearchResults results = new SearchResults(redis, 10, Duration.ZERO);
    SearchQuery sales = query("sales");

    search(results, sales);
    assertThat(search(results, sales).hit()).isFalse();
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  void theLeastRecentlyUsedAnswerGoesPastTheCapacity() {
    SearchResults results = new SearchResults(redis, 1, Duration.ofMinutes(5));

    search(results, query("price_asc"));
    search(results, query("price_desc"));
    SearchResults.Lookup again = search(results, query("price_asc"));
    assertThat(again.hit()).isFalse();
    assertThat(again.result().json().toString()).isEqualTo("{\"sort\":\"price_asc\"}");
  }
}
