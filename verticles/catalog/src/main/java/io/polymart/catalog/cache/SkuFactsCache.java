package io.polymart.catalog.cache;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The SKU facts (price, stock, whether for sale, name, cover) this verticle instance looked up last, each kept with
 * its product's cache generation. A SKU's facts are part of its product's page, and every change to them raises the
 * product's generation before it is acknowledged (a reservation's stock movement included): so a lookup asks Redis
 * only for the generations of the products it names, in one call, and loads from the database just the SKUs whose
 * product changed since they were kept. The generations are read before the load: a change committed meanwhile
 * raises its product's past the one the loaded facts are kept under.
 *
 * <p>A SKU is kept the first time under no generation, only to learn its product: its facts are served from here from
 * its second lookup on. One event loop per instance, so no locking.
 */
public final class SkuFactsCache {
  private static final Logger LOG = LoggerFactory.getLogger(SkuFactsCache.class);
  /** Matches no product's generation. */
  private static final String PRODUCT_UNKNOWN = "";
  private final ProductCache products;
  private final RecentEntries<UUID, JsonObject> entries;

  /** {@code capacity}: how many SKUs to keep (0: none), each for at most {@code ttlSeconds}. */
  public SkuFactsCache(ProductCache products, int capacity, int ttlSeconds) {
    this.products = products;
    this.entries = new RecentEntries<>(capacity, ttlSeconds * 1000L);
  }

  /**
   * The facts of the known SKUs among {@code skuIds} (each a JSON object with its {@code skuId} and
   * {@code productId}), from here when their product has not changed since they were kept, else from {@code load}.
   */
  public Future<List<JsonObject>> get(Set<UUID> skuIds, Function<Set<UUID>, Future<List<JsonObject>>> load) {
    long now = System.currentTimeMillis();
    Map<UUID, RecentEntries.Entry<JsonObject>> kept = new HashMap<>();
    Set<UUID> productIds = new HashSet<>();
    for (UUID skuId : skuIds) {
      RecentEntries.Entry<JsonObject> entry = entries.get(skuId, now);
      if (entry != null) {
        kept.put(skuId, entry);
        productIds.add(productId(entry.value()));
      }
    }
    if (kept.isEmpty()) {
      return loadAndKeep(skuIds, Map.of(), load, now);
    }
    return products.generations(productIds).transform(read -> {
      if (read.failed()) {
        // without the generations nothing kept can be trusted: read the database
        LOG.debug("Product generations unavailable, looking SKUs up without the cache: {}", read.cause().toString());
        return load.apply(skuIds);
      }
      Map<UUID, String> generations = read.result();
      List<JsonObject> found = new ArrayList<>(skuIds.size());
      Set<UUID> missing = new HashSet<>();
      for (UUID skuId : skuIds) {
        RecentEntries.Entry<JsonObject> entry = kept.get(skuId);
        if (entry != null && entry.generation().equals(generations.get(productId(entry.value())))) {
          found.add(entry.value());
        } else {
          missing.add(skuId);
        }
      }
      if (missing.isEmpty()) {
        return Future.succeededFuture(found);
      }
      return loadAndKeep(missing, generations, load, now).map(loaded -> {
        found.addAll(loaded);
        return found;
      });
    });
  }

  /** Loads {@code skuIds} and keeps each under its product's generation as read before the load, if it was. */
  private Future<List<JsonObject>> loadAndKeep(Set<UUID> skuIds, Map<UUID, String> generations,
      Function<Set<UUID>, Future<List<JsonObject>>> load, long now) {
    return load.apply(skuIds).map(loaded -> {
      Set<UUID> unknown = new HashSet<>(skuIds);
      for (JsonObject facts : loaded) {
        UUID skuId = UUID.fromString(facts.getString("skuId"));
        unknown.remove(skuId);
        entries.put(skuId, generations.getOrDefault(productId(facts), PRODUCT_UNKNOWN), facts, now);
      }
      unknown.forEach(entries::remove);
      return loaded;
    });
  }

  private static UUID productId(JsonObject facts) {
    return UUID.fromString(facts.getString("productId"));
  }
}
