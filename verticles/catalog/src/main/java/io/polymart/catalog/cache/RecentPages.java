package io.polymart.catalog.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The pages this verticle instance served last, each with the product's cache generation it was valid for and the
 * time it expires (the Redis value's lifetime). Least recently used pages go first past {@code capacity}. One event
 * loop per instance, so no locking.
 */
final class RecentPages {
  record Entry(String generation, ProductPage page, long expiresAtMillis) {
  }

  private final Map<UUID, Entry> entries;
  private final long ttlMillis;

  RecentPages(int capacity, long ttlMillis) {
    this.ttlMillis = ttlMillis;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The page kept for {@code id} if it has not expired, else null. */
  Entry get(UUID id, long nowMillis) {
    Entry entry = entries.get(id);
    if (entry != null && entry.expiresAtMillis() <= nowMillis) {
      entries.remove(id);
      return null;
    }
    return entry;
  }

  void put(UUID id, String generation, ProductPage page, long nowMillis) {
    entries.put(id, new Entry(generation, page, nowMillis + ttlMillis));
  }

  void remove(UUID id) {
    entries.remove(id);
  }
}
