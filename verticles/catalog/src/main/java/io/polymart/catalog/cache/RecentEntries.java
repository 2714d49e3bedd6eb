package io.polymart.catalog.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a verticle instance served last (product pages, search answers), each value with the cache generation it was
 * valid for and the time it expires. A caller serves a value again only while its generation is still the current
 * one. Least recently used entries go first past {@code capacity}. One event loop per instance, so no locking.
 */
public final class RecentEntries<K, V> {
  public record Entry<V>(String generation, V value, long expiresAtMillis) {
  }

  private final Map<K, Entry<V>> entries;
  private final long ttlMillis;

  /** {@code capacity}: how many entries to keep (0: none), each for {@code ttlMillis}. */
  public RecentEntries(int capacity, long ttlMillis) {
    this.ttlMillis = ttlMillis;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The entry kept for {@code key} if it has not expired, else null. */
  public Entry<V> get(K key, long nowMillis) {
    Entry<V> entry = entries.get(key);
    if (entry != null && entry.expiresAtMillis() <= nowMillis) {
      entries.remove(key);
      return null;
    }
    return entry;
  }

  public void put(K key, String generation, V value, long nowMillis) {
    entries.put(key, new Entry<>(generation, value, nowMillis + ttlMillis));
  }

  public void remove(K key) {
    entries.remove(key);
  }
}
