package io.polymart.catalog.cache;

import io.polymart.catalog.CatalogFixture;
import io.polymart.core.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static io.polymart.catalog.CatalogFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@link ProductCache}s on one Redis, as two catalog instances or nodes: each keeps the pages it served, and a
 * change invalidated through either is seen by the other's next read.
 */
class ProductCacheNodesTest {
  private final RedisAPI redis = RedisClients.api(CatalogFixture.vertx(), CatalogFixture.config(), "test");
  private final ProductCache one = new ProductCache(CatalogFixture.vertx(), redis, 300, 100);
  private final ProductCache two = new ProductCache(CatalogFixture.vertx(), redis, 300, 100);

  /** The product as the database has it now, counting how often it is read. */
  private static final class Store implements Supplier<Future<String>> {
    final AtomicReference<String> json = new AtomicReference<>();
    final AtomicInteger loads = new AtomicInteger();

    Store(UUID id, String status, String price) {
      set(id, status, price);
    }

    void set(UUID id, String status, String price) {
      json.set(new JsonObject().put("id", id.toString()).put("status", status).put("sellerId", "seller-1")
          .put("price", price).encode());
    }

    @Override
    public Future<String> get() {
      loads.incrementAndGet();
      return Future.succeededFuture(json.get());
    }
  }

  private static ProductCache.Lookup read(ProductCache cache, UUID id, Store store) {
    return await(cache.get(id, store));
  }

  private static String price(ProductCache.Lookup lookup) {
    return new JsonObject(lookup.page().json()).getString("price");
  }

  @Test
  void aPageKeptByOneInstanceIsServedWithoutRedisValueOrLoadUntilAChangeAnywhere() {
    UUID id = UUID.randomUUID();
    Store store = new Store(id, "ACTIVE", "10.00");

    ProductCache.Lookup miss = read(one, id, store);
    assertThat(miss.hit()).isFalse();
    assertThat(price(miss)).isEqualTo("10.00");
    ProductCache.Lookup kept = read(one, id, store);
    assertThat(kept.hit()).isTrue();
    assertThat(kept.page()).as("the very page kept, not a copy rebuilt").isSameAs(miss.page());
    // the other instance finds the value in Redis and keeps its own page
    assertThat(read(two, id, store).hit()).isTrue();
    assertThat(store.loads.get()).isEqualTo(1);

    // a change acknowledged through the other instance: the kept page is never served again
    store.set(id, "ACTIVE", "11.00");
    await(two.invalidate(List.of(id)));
    ProductCache.Lookup afterChange = read(one, id, store);
    assertThat(afterChange.hit()).isFalse();
    assertThat(price(afterChange)).isEqualTo("11.00");
    assertThat(read(two, id, store).page().etag()).isEqualTo(afterChange.page().etag());
    assertThat(price(read(one, id, store))).isEqualTo("11.00");
    assertThat(store.loads.get()).isEqualTo(2);
  }

  @Test
  void theKeptPageCarriesTheETagOfItsBytesAndWhatDecidesWhoSeesIt() {
    UUID id = UUID.randomUUID();
    Store store = new Store(id, "DRAFT", "5.00");

    ProductPage page = read(one, id, store).page();
    ProductPage again = read(one, id, store).page();

    assertThat(page.json().toString()).isEqualTo(store.json.get());
    assertThat(page.etag()).isEqualTo(ProductPage.of(store.json.get()).etag()).matches("\"[0-9a-f]{24}\"");
    assertThat(again.status()).isEqualTo("DRAFT");
    assertThat(again.sellerId()).isEqualTo("seller-1");
    assertThat(again.productId()).isEqualTo(id.toString());
  }

  @Test
  void productsNeverGetEachOthersPages() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    Store firstStore = new Store(first, "ACTIVE", "1.00");
    Store secondStore = new Store(second, "ACTIVE", "2.00");

    for (int round = 0; round < 3; round++) {
      assertThat(price(read(one, first, firstStore))).isEqualTo("1.00");
      assertThat(price(read(one, second, secondStore))).isEqualTo("2.00");
      assertThat(read(two, second, secondStore).page().productId()).isEqualTo(second.toString());
    }
    // a change to one leaves the other kept
    secondStore.set(second, "INACTIVE", "2.50");
    await(one.invalidate(List.of(second)));
    assertThat(read(two, second, secondStore).page().status()).isEqualTo("INACTIVE");
    assertThat(read(two, first, firstStore).hit()).isTrue();
    assertThat(firstStore.loads.get()).isEqualTo(1);
  }

  @Test
  void withNoPagesKeptEveryReadGoesToRedisAndStillHits() {
    ProductCache none = new ProductCache(CatalogFixture.vertx(), redis, 300, 0);
    UUID id = UUID.randomUUID();
    Store store = new Store(id, "ACTIVE", "3.00");

    assertThat(read(none, id, store).hit()).isFalse();
    ProductCache.Lookup hit = read(none, id, store);
    assertThat(hit.hit()).isTrue();
    assertThat(read(none, id, store).page()).isNotSameAs(hit.page());
    assertThat(store.loads.get()).isEqualTo(1);
  }

  @Test
  void anUnknownProductIsNotCached() {
    UUID id = UUID.randomUUID();
    AtomicInteger loads = new AtomicInteger();
    Supplier<Future<String>> nothing = () -> {
      loads.incrementAndGet();
      return Future.succeededFuture(null);
    };

    assertThat(await(one.get(id, nothing)).page()).isNull();
    // the other instance (no load of this one to share) finds nothing kept and nothing in Redis
    assertThat(await(two.get(id, nothing)).page()).isNull();
    assertThat(loads.get()).isEqualTo(2);
  }
}
