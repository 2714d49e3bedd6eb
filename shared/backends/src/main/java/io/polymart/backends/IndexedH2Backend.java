package io.polymart.backends;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 MVStore backend whose queries read through an index whenever one applies, and whose writes
 * are in the file before they are answered.
 */
final class IndexedH2Backend extends H2Backend {

  /**
   * A page cache of 4 MB instead of H2's 16: the cache holds deserialised documents, several times the size H2
   * estimates for them, and under load its turnover filled the JVM's old generation with them (a full collection
   * every few seconds).
   */
  IndexedH2Backend(String fileName) {
    super(new MVStore.Builder().fileName(fileName).cacheSize(4).open());
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

    /** The maps H2Database names (its own prefixes), so that data written before opens the same. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String fullName = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> data = getMvStore().openMap("databases." + fullName);
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
