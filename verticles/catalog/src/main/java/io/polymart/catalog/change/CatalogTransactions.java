package io.polymart.catalog.change;

import io.polymart.catalog.cache.ProductCache;
import io.polymart.core.outbox.OutboxTransactions;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.function.Function;

/**
 * Runs catalog changes in one outbox transaction (the change and its events, with the snapshots of the products they
 * are about, commit together), then, once
 * committed, drops the touched products from the cache before the caller hears back.
 */
public final class CatalogTransactions {
  private final OutboxTransactions transactions;
  private final ProductCache cache;
  private final ProductSnapshots snapshots;

  public CatalogTransactions(OutboxTransactions transactions, ProductCache cache, ProductSnapshots snapshots) {
    this.transactions = transactions;
    this.cache = cache;
    this.snapshots = snapshots;
  }

  public Pool pool() {
    return transactions.pool();
  }

  /** A failed cache drop is logged by the outbox transaction and leaves a stale entry until its TTL. */
  public <T> Future<T> inTransaction(Function<Change, Future<T>> work) {
    return transactions.run(tx -> {
      Change change = new Change(tx, false);
      tx.afterCommitAsync(() -> cache.invalidate(change.touched()));
      return work.apply(change).compose(result -> change.writeEvents(snapshots).map(result));
    });
  }

  /**
   * Runs a change that is one statement writing its events itself ({@link Change#written}), without a transaction
   * block ({@link OutboxTransactions#runStatement}); the products it touched drop from the cache once it has
   * committed, as {@link #inTransaction}'s do.
   */
  public <T> Future<T> inOneStatement(Function<Change, Future<T>> work) {
    return transactions.runStatement(tx -> {
      Change change = new Change(tx, true);
      tx.afterCommitAsync(() -> cache.invalidate(change.touched()));
      return work.apply(change);
    });
  }
}
