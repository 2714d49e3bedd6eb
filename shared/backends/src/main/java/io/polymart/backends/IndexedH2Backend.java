package io.polymart.backends;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 MVStore backend whose queries read through an index whenever one applies, and whose writes
 * are in the file before they are answered.
 */
final class IndexedH2Backend extends H2Backend {

  /**
   * Old chunks of the file are overwritten 1 s after they hold no live data instead of H2's 45 s. Every changing
   * command commits (below), each commit writes a new chunk (tens of KB), and at the default a checkout benchmark
   * grew the file by a gigabyte in minutes (8 % of it live), which the store's background compaction then kept
   * rewriting. H2's 45 s guard against disks that reorder writes across a machine crash, which this store does not
   * claim to survive (it does not fsync); the second left covers a read still going over an older version.
   */
  static final int RETENTION_MILLIS = 1_000;
  /**
   * H2's "auto-commit buffer", of which a quarter bounds what its housekeeping rewrites per second while the store is
   * written to (moving live pages out of old chunks, to compact the file): 8 MB instead of H2's default, a sixteenth of
   * the JVM's heap (16 MB here). With 4 MB per rewrite, each rewrite grew a new write buffer through 1, 2, 3 and 4.5 MB,
   * and H2 keeps none above 4 MB for the next: under a checkout benchmark the JVM's young collections promoted about
   * 12 MB/s of them and of the pages read back, and the old generation filled every 4-7 s (a full collection of
   * 130-250 ms each time). With 2 MB per rewrite the buffer of 3 MB is kept, and the old generation filled every
   * 30-40 s. H2's target (the file 90 % live) stays: at 50 % it rewrites nothing while written to, and a checkout
   * benchmark left the file at 254 MB, 12 % of it live (74 MB, half live, at 90 %).
   */
  static final int REWRITE_KB = 8 * 1024;
  /** Appended to the name of a unique index's map ordered by {@link KeyValueType}. */
  static final String VALUE_ORDERED = ".byValue";

  IndexedH2Backend(String fileName) {
    super(open(fileName));
  }

  /**
   * H2's page cache: 4 MB instead of H2's 16 MB. The pages it keeps, with their documents, live for seconds, long
   * enough for the JVM's young collections to promote them: under a checkout benchmark the old generation filled at
   * 0.2-5 MB/s with 16 MB, at 0.03-0.5 MB/s with 4 MB (README, Performance). An earlier try of 4 MB, while the
   * reviews' purchase documents grew with every order, had the event consumers deserialising pages half of the time
   * and minutes behind; with those documents small they keep up.
   */
  static final int CACHE_MB = 4;

  private static MVStore open(String fileName) {
    MVStore store = new MVStore.Builder().fileName(fileName).autoCommitBufferSize(REWRITE_KB).cacheSize(CACHE_MB)
        .open();
    store.setRetentionTime(RETENTION_MILLIS);
    return store;
  }

  /**
   * Commits what a command changed before its answer leaves. The plain backend leaves it to the store's auto-commit,
   * up to a second later, so a crash of the process lost writes it had acknowledged. A commit writes to the file
   * (the kernel keeps it through a crash of the process), without fsync.
   */
  @Override
  public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
    try {
      return super.handleCommand(channel, databaseName, command, query);
    } finally {
      if (getMvStore().hasUnsavedChanges()) {
        commit();
      }
    }
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName, getCursorRegistry());
  }

  /**
   * An inner class: H2Database's constructor opens the stored collections, before a field of this class could be
   * set, and the outer instance (the store) is already there.
   */
  private final class Database extends H2Database {
    Database(String databaseName, CursorRegistry cursors) {
      super(databaseName, getMvStore(), cursors);
    }

    /**
     * A unique index's map orders its keys by value ({@link KeyValueType}) and has a name of its own: where the map
     * of the old name is there (written by mongo-java-server's own backend), both are dropped, and the collection
     * then fills the new, empty one from its documents, as it does for an index just created.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      MVStore store = getMvStore();
      String legacyName = legacyIndexMapName(collectionName, indexName);
      if (store.hasMap(legacyName)) {
        store.removeMap(legacyName);
        // left by this backend before an older one wrote to the file: it misses those writes
        store.removeMap(legacyName + VALUE_ORDERED);
      }
      MVMap<KeyValue, Object> positions = store.openMap(legacyName + VALUE_ORDERED,
          new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
      return new ValueOrderedUniqueIndex(positions, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
      super.dropIndex(collection, indexName);
      getMvStore().removeMap(legacyIndexMapName(collection.getCollectionName(), indexName) + VALUE_ORDERED);
    }

    /** H2Database's name for an index's map (it removes the map of that name when the index is dropped). */
    private String legacyIndexMapName(String collectionName, String indexName) {
      return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    /**
     * The maps H2Database names (its own prefixes), so that data written before opens the same; documents are written
     * as BSON ({@link BsonDocumentType}).
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String fullName = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> data = getMvStore().openMap("databases." + fullName,
          new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
      MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
      return new Collection(this, collectionName, options, data, meta, cursorRegistry);
    }
  }

  private static final class Collection extends H2Collection {
    Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
        MVMap<String, Object> meta, CursorRegistry cursors) {
      super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
        Document fields) {
      Iterable<Object> candidates = IndexCandidates.of(getIndexes(), query);
      return candidates == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fields)
          : matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fields);
    }
  }
}
