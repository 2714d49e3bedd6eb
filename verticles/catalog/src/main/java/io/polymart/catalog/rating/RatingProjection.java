package io.polymart.catalog.rating;

import io.polymart.catalog.cache.ProductCache;
import io.polymart.core.events.DomainEvent;
import io.polymart.core.events.EventHandler;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Keeps the products' rating from the reviews' {@code ProductRatingChanged} events and drops the cached product
 * page it changed. Idempotent and order-safe by itself: each event carries the whole rating, and one older than the
 * stored one changes nothing. Other events of the topic are not the catalog's concern.
 */
public final class RatingProjection implements EventHandler {
  public static final String TOPIC = "polymart.reviews";
  private static final Logger LOG = LoggerFactory.getLogger(RatingProjection.class);
  private final SqlClient pool;
  private final RatingRepository ratings = new RatingRepository();
  private final ProductCache cache;

  public RatingProjection(SqlClient pool, ProductCache cache) {
    this.pool = pool;
    this.cache = cache;
  }

  @Override
  public Future<Void> handle(DomainEvent event) {
    if (!RatingChange.TYPE.equals(event.type())) {
      return Future.succeededFuture();
    }
    RatingChange change = RatingChange.from(event);
    return ratings.apply(pool, change).compose(stored -> {
      if (!stored) {
        // an unknown product (never the catalog's, or purged) or a newer rating already there: nothing to keep
        LOG.debug("Rating event {} for product {} ignored: unknown product or older than the stored rating",
            event.id(), change.productId());
        return Future.succeededFuture();
      }
      // dropped again if the handler runs twice: harmless, and a failed drop is retried with the event
      return cache.invalidate(List.of(change.productId()));
    });
  }
}
