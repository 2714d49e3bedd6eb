package io.polymart.orders;

import io.polymart.core.money.Money;
import io.polymart.orders.payment.PaymentIntent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import static io.polymart.core.db.SqlSupport.iso;

/** The {@code orders.payments} table. */
final class PaymentStore {
  private static final String COLUMNS = "id, order_id, provider, method, status, amount::text AS amount, currency, "
      + "outcome, provider_ref, " + iso("created_at") + " AS created_at";

  record Payment(UUID id, UUID orderId, String provider, String method, String status, BigDecimal amount,
      String currency, String outcome, String providerRef, String createdAt) {

    PaymentIntent intent() {
      return new PaymentIntent(id, orderId, amount, currency, method, null);
    }

    JsonObject toJson() {
      return new JsonObject().put("paymentId", id.toString()).put("orderId", orderId.toString())
          .put("provider", provider).put("method", method).put("status", status)
          .put("amount", Money.format(amount)).put("currency", currency).put("outcome", outcome)
          .put("createdAt", createdAt);
    }
  }

  Future<Payment> insert(SqlConnection tx, UUID orderId, String provider, String method, BigDecimal amount,
      String currency, String outcome) {
    return tx.preparedQuery("INSERT INTO orders.payments (id, order_id, provider, method, status, amount, currency, "
            + "outcome) VALUES ($1, $2, $3, $4, 'PENDING', $5, $6, $7) RETURNING " + COLUMNS)
        .execute(Tuple.from(new Object[] {UUID.randomUUID(), orderId, provider, method, amount, currency, outcome}))
        .map(rows -> from(rows.iterator().next()));
  }

  Future<Void> setReference(SqlClient sql, UUID paymentId, String reference) {
    return sql.preparedQuery("UPDATE orders.payments SET provider_ref = $2, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(paymentId, reference)).mapEmpty();
  }

  Future<Optional<Payment>> lock(SqlConnection tx, UUID paymentId) {
    return tx.preparedQuery("SELECT " + COLUMNS + " FROM orders.payments WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(paymentId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next())));
  }

  /** The order's captured payment, if any (at most one succeeds: later ones are refunded at once). */
  Future<Optional<Payment>> succeeded(SqlConnection tx, UUID orderId) {
    return tx.preparedQuery("SELECT " + COLUMNS + " FROM orders.payments WHERE order_id = $1 AND status = 'SUCCEEDED' "
            + "ORDER BY created_at LIMIT 1 FOR UPDATE")
        .execute(Tuple.of(orderId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next())));
  }

  Future<Void> setStatus(SqlConnection tx, UUID paymentId, String status, String refundRef) {
    return tx.preparedQuery("UPDATE orders.payments SET status = $2, refund_ref = coalesce($3, refund_ref), "
            + "updated_at = now() WHERE id = $1")
        .execute(Tuple.of(paymentId, status, refundRef)).mapEmpty();
  }

  private static Payment from(Row row) {
    return new Payment(row.getUUID("id"), row.getUUID("order_id"), row.getString("provider"), row.getString("method"),
        row.getString("status"), Money.of(row.getString("amount")), row.getString("currency"),
        row.getString("outcome"), row.getString("provider_ref"), row.getString("created_at"));
  }
}
