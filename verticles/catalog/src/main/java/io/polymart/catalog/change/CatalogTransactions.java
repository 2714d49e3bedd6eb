package io.polymart.catalog.change;

import io.polymart.catalog.cache.ProductCache;
import io.polymart.core.outbox.Outbox;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * Runs catalog changes in a transaction that also writes their events to the outbox, then, once committed,
 * drops the touched products from the cache and nudges the outbox relay.
 */
public final class CatalogTransactions {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogTransactions.class);
  private final Pool pool;
  private final Outbox outbox;
  private final ProductCache cache;
  private final Runnable eventsWritten;

  public CatalogTransactions(Pool pool, Outbox outbox, ProductCache cache, Runnable eventsWritten) {
    this.pool = pool;
    this.outbox = outbox;
    this.cache = cache;
    this.eventsWritten = eventsWritten;
  }

  public Pool pool() {
    return pool;
  }

  public <T> Future<T> inTransaction(Function<Change, Future<T>> work) {
    Change[] change = new Change[1];
    return pool.withTransaction(connection -> {
      change[0] = new Change(connection);
      return work.apply(change[0]).compose(result -> outbox.appendAll(connection, change[0].events()).map(result));
    }).compose(result -> afterCommit(change[0]).map(result));
  }

  private Future<Void> afterCommit(Change change) {
    if (!change.events().isEmpty()) {
      eventsWritten.run();
    }
    // A failed invalidation leaves a stale entry until its TTL: log it, the change itself is committed.
    return cache.invalidate(change.touched())
        .recover(failure -> {
          LOG.warn("Could not invalidate cached products {}: {}", change.touched(), failure.toString());
          return Future.succeededFuture();
        });
  }
}
