package io.polymart.catalog.rating;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The ratings projection: {@code rating}, {@code review_count} and {@code rating_changed_at} of catalog.products. */
final class RatingRepository {
  // <= rather than <: of two changes in the same instant, the one read later (Kafka keeps a product's order) wins
  private static final String APPLY = """
      UPDATE catalog.products SET rating = $2, review_count = $3, rating_changed_at = $4
      WHERE id = $1 AND (rating_changed_at IS NULL OR rating_changed_at <= $4)""";

  /** Stores the rating unless the product is unknown or holds a newer one; whether it was stored. */
  Future<Boolean> apply(SqlClient client, RatingChange change) {
    return client.preparedQuery(APPLY)
        .execute(Tuple.of(change.productId(), change.average(), change.count(),
            OffsetDateTime.ofInstant(change.occurredAt(), ZoneOffset.UTC)))
        .map(rows -> rows.rowCount() == 1);
  }
}
