package io.polymart.catalog.search;

import io.polymart.catalog.CatalogFixture;
import io.polymart.core.redis.RedisClients;
import io.polymart.testing.Await;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.polymart.catalog.CatalogFixture.await;

/** Counts added in batches: every search counted once, the set trimmed to the most searched. */
class HotSearchCountsTest {
  private final RedisAPI redis = RedisClients.api(CatalogFixture.vertx(), CatalogFixture.config(), "test");
  private final String key = "test:hot:" + UUID.randomUUID();

  private Map<String, Long> counts() {
    Map<String, Long> counts = new HashMap<>();
    Response all = await(redis.zrange(List.of(key, "0", "-1", "WITHSCORES")));
    if (all.size() > 0 && all.get(0).size() == 2) { // RESP3: [[member, score], ...]
      all.forEach(pair -> counts.put(pair.get(0).toString(), Math.round(pair.get(1).toDouble())));
    } else {
      for (int i = 0; i + 1 < all.size(); i += 2) {
        counts.put(all.get(i).toString(), Math.round(all.get(i + 1).toDouble()));
      }
    }
    return counts;
  }

  @Test
  void everySearchCountedInABurstIsAddedOnce() {
    HotSearchCounts hot = new HotSearchCounts(redis, key, 100);
    for (int i = 0; i < 300; i++) {
      hot.count("lamp");
      if (i % 3 == 0) {
        hot.count("mug");
      }
    }
    Await.until("all counted", Duration.ofSeconds(10), () -> counts().equals(Map.of("lamp", 300L, "mug", 100L)));
  }

  @Test
  void theSetKeepsOnlyTheMostSearched() {
    HotSearchCounts hot = new HotSearchCounts(redis, key, 2);
    hot.count("chair");
    for (int i = 0; i < 5; i++) {
      hot.count("lamp");
    }
    for (int i = 0; i < 3; i++) {
      hot.count("mug");
    }
    Await.until("the two most searched", Duration.ofSeconds(10),
        () -> counts().equals(Map.of("lamp", 5L, "mug", 3L)));
  }
}
