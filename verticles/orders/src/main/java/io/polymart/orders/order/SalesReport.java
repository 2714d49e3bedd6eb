package io.polymart.orders.order;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * Orders and revenue per day for the seller console's chart: the orders paid on each UTC day of the last
 * {@code days} (today included, days without orders as zeros) that were not refunded or cancelled since, and their
 * totals; a seller sees the orders with their items and the revenue of those items only. Read from a replica.
 */
public final class SalesReport {
  private static final String DAILY = """
      WITH days AS (
        SELECT generate_series((now() AT TIME ZONE 'UTC')::date - ($1::int - 1), (now() AT TIME ZONE 'UTC')::date,
          interval '1 day')::date AS day
      ), paid AS (
        SELECT o.id, (o.paid_at AT TIME ZONE 'UTC')::date AS day,
          CASE WHEN $2::uuid IS NULL THEN o.total
            ELSE (SELECT sum(i.line_total) FROM orders.order_items i WHERE i.order_id = o.id AND i.seller_id = $2::uuid)
          END AS amount
        FROM orders.orders o
        WHERE o.paid_at >= ((now() AT TIME ZONE 'UTC')::date - ($1::int - 1))::timestamp AT TIME ZONE 'UTC'
          AND o.status NOT IN ('REFUNDED', 'CANCELLED')
          AND ($2::uuid IS NULL OR o.seller_ids @> ARRAY[$2::uuid])
      )
      SELECT d.day::text AS day, count(p.id) AS orders, coalesce(sum(p.amount), 0)::numeric(14, 2)::text AS revenue
      FROM days d LEFT JOIN paid p ON p.day = d.day
      GROUP BY d.day ORDER BY d.day""";
  private final SqlClient reads;
  private final String currency;

  public SalesReport(SqlClient reads, String currency) {
    this.reads = reads;
    this.currency = currency;
  }

  /** {@code {currency, days: [{date, orders, revenue}]}}, oldest day first; {@code sellerId} null for the shop. */
  public Future<JsonObject> daily(int days, UUID sellerId) {
    return reads.preparedQuery(DAILY).execute(Tuple.of(days, sellerId)).map(rows -> {
      JsonArray series = new JsonArray();
      for (Row row : rows) {
        series.add(new JsonObject().put("date", row.getString("day")).put("orders", row.getLong("orders"))
            .put("revenue", row.getString("revenue")));
      }
      return new JsonObject().put("currency", currency).put("days", series);
    });
  }
}
