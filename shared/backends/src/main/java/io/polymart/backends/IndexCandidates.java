package io.polymart.backends;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets the MongoDB stand-in read through an index for a query that names more than the index's keys. mongo-java-server
 * uses an index only when a query's fields are exactly the index's keys; {@code {_id: x, status: "OPEN"}} or a
 * conditional update such as {@code {_id: x, $or: [...]}} scanned (and deserialised) the whole collection. The
 * conditions on an index's keys alone select a superset of the query's matches, so the stand-in matches the whole
 * query against that index's documents only.
 */
final class IndexCandidates {
  private IndexCandidates() {
  }

  /** The positions of the documents that may match the query, from the first index that can tell; null if none. */
  static <P> Iterable<P> of(List<Index<P>> indexes, Document query) {
    Map<String, Object> conditions = new LinkedHashMap<>();
    collectConditions(query, conditions);
    for (Index<P> index : indexes) {
      Document onKeys = onKeys(index, conditions);
      if (onKeys != null && index.canHandle(onKeys)) {
        return index.getPositions(onKeys);
      }
    }
    return null;
  }

  /**
   * The conditions every match meets, by field: the query's own and those of its {@code $and} (the Java driver sends
   * {@code Filters.and(...)} as one).
   */
  private static void collectConditions(Document query, Map<String, Object> conditions) {
    query.forEach((field, condition) -> {
      if ("$and".equals(field) && condition instanceof List<?> all) {
        all.stream().filter(Document.class::isInstance).forEach(one -> collectConditions((Document) one, conditions));
      } else if (!field.startsWith("$")) {
        conditions.putIfAbsent(field, condition);
      }
    });
  }

  /** The conditions on the index's keys, or null when one of them has none. */
  private static Document onKeys(Index<?> index, Map<String, Object> conditions) {
    Document onKeys = new Document();
    for (IndexKey key : index.getKeys()) {
      if (!conditions.containsKey(key.getKey())) {
        return null;
      }
      onKeys.put(key.getKey(), conditions.get(key.getKey()));
    }
    return onKeys;
  }
}
