package io.polymart.catalog.cache;

import io.polymart.catalog.CatalogFixture;
import io.polymart.core.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static io.polymart.catalog.CatalogFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SKU facts a catalog instance keeps: served without a load while their product's generation stands, loaded again
 * once a change anywhere (here: through another instance's product cache) raised it, never another SKU's facts.
 */
class SkuFactsCacheTest {
  private final RedisAPI redis = RedisClients.api(CatalogFixture.vertx(), CatalogFixture.config(), "test");
  private final ProductCache products = new ProductCache(CatalogFixture.vertx(), redis, 300, 0);
  /** Another catalog instance or node: its changes raise the same generations. */
  private final ProductCache otherNode = new ProductCache(CatalogFixture.vertx(), redis, 300, 0);

  /** The SKUs as the database has them now, recording which each load was asked for. */
  private static final class Store implements Function<Set<UUID>, Future<List<JsonObject>>> {
    final Map<UUID, JsonObject> skus = new HashMap<>();
    final List<Set<UUID>> loads = new ArrayList<>();

    UUID add(UUID productId, String price) {
      UUID skuId = UUID.randomUUID();
      skus.put(skuId, facts(skuId, productId, price));
      return skuId;
    }

    void setPrice(UUID skuId, String price) {
      JsonObject current = skus.get(skuId);
      skus.put(skuId, facts(skuId, UUID.fromString(current.getString("productId")), price));
    }

    private static JsonObject facts(UUID skuId, UUID productId, String price) {
      return new JsonObject().put("skuId", skuId.toString()).put("productId", productId.toString())
          .put("unitPrice", price);
    }

    @Override
    public Future<List<JsonObject>> apply(Set<UUID> ids) {
      loads.add(Set.copyOf(ids));
      return Future.succeededFuture(ids.stream().filter(skus::containsKey).map(id -> skus.get(id).copy()).toList());
    }
  }

  private static Map<String, String> prices(List<JsonObject> facts) {
    Map<String, String> prices = new HashMap<>();
    facts.forEach(item -> prices.put(item.getString("skuId"), item.getString("unitPrice")));
    return prices;
  }

  @Test
  void keptFactsAreServedWithoutALoadUntilTheirProductChangesOnAnyNode() {
    SkuFactsCache cache = new SkuFactsCache(products, 100, 300);
    Store store = new Store();
    UUID lamp = UUID.randomUUID();
    UUID mug = UUID.randomUUID();
    UUID lampSku = store.add(lamp, "10.00");
    UUID mugSku = store.add(mug, "3.00");
    Set<UUID> both = Set.of(lampSku, mugSku);

    await(cache.get(both, store)); // learns the SKUs' products
    await(cache.get(both, store)); // keeps them under their products' generations
    int loads = store.loads.size();
    assertThat(prices(await(cache.get(both, store))))
        .isEqualTo(Map.of(lampSku.toString(), "10.00", mugSku.toString(), "3.00"));
    assertThat(store.loads).hasSize(loads);

    // a change made on another node: only the changed product's SKU is loaded again, and shows its new price at once
    store.setPrice(lampSku, "12.00");
    await(otherNode.invalidate(List.of(lamp)));
    assertThat(prices(await(cache.get(both, store))))
        .isEqualTo(Map.of(lampSku.toString(), "12.00", mugSku.toString(), "3.00"));
    assertThat(store.loads).hasSize(loads + 1);
    assertThat(store.loads.get(loads)).containsExactly(lampSku);
    assertThat(prices(await(cache.get(both, store)))).containsEntry(lampSku.toString(), "12.00");
    assertThat(store.loads).hasSize(loads + 1);
  }

  @Test
  void eachSkuGetsOnlyItsOwnFactsAndUnknownSkusAreNeverKept() {
    SkuFactsCache cache = new SkuFactsCache(products, 100, 300);
    Store store = new Store();
    UUID product = UUID.randomUUID();
    UUID red = store.add(product, "5.00");
    UUID blue = store.add(product, "6.00");
    UUID unknown = UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      await(cache.get(Set.of(red), store));
      await(cache.get(Set.of(blue), store));
    }

    assertThat(prices(await(cache.get(Set.of(red), store)))).isEqualTo(Map.of(red.toString(), "5.00"));
    assertThat(prices(await(cache.get(Set.of(blue, unknown), store)))).isEqualTo(Map.of(blue.toString(), "6.00"));
    assertThat(prices(await(cache.get(Set.of(red, blue, unknown), store))))
        .isEqualTo(Map.of(red.toString(), "5.00", blue.toString(), "6.00"));
    // the unknown SKU was asked of the store each time: nothing was kept for it
    assertThat(store.loads.subList(store.loads.size() - 2, store.loads.size()))
        .allSatisfy(load -> assertThat(load).containsExactly(unknown));
  }

  @Test
  void aCacheOfNoEntriesLoadsEveryTime() {
    SkuFactsCache cache = new SkuFactsCache(products, 0, 300);
    Store store = new Store();
    UUID sku = store.add(UUID.randomUUID(), "1.00");
    for (int i = 0; i < 3; i++) {
      assertThat(prices(await(cache.get(Set.of(sku), store)))).isEqualTo(Map.of(sku.toString(), "1.00"));
    }
    assertThat(store.loads).hasSize(3);
  }
}
