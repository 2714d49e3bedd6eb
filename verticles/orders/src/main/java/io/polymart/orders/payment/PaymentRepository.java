package io.polymart.orders.payment;

import io.polymart.core.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.polymart.core.db.SqlSupport.iso;

/** Payments: the {@code orders.payments} table and the provider webhook deliveries already seen. */
public final class PaymentRepository {
  private static final String COLUMNS = """
      id, order_id, provider, method, status, amount::text AS amount, currency, outcome, provider_ref,
      %s AS created_at""".formatted(iso("created_at"));
  private static final String INSERT = """
      INSERT INTO orders.payments (id, order_id, provider, method, status, amount, currency, outcome)
      VALUES ($1, $2, $3, $4, 'PENDING', $5, $6, $7)
      RETURNING\s""" + COLUMNS;
  private static final String SET_REFERENCE = """
      UPDATE orders.payments SET provider_ref = $2, updated_at = now() WHERE id = $1""";
  private static final String LOCK = "SELECT " + COLUMNS + " FROM orders.payments WHERE id = $1 FOR UPDATE";
  private static final String LOCK_SUCCEEDED = "SELECT " + COLUMNS + """
      \sFROM orders.payments WHERE order_id = $1 AND status = 'SUCCEEDED'
      ORDER BY created_at LIMIT 1 FOR UPDATE""";
  private static final String SET_STATUS = """
      UPDATE orders.payments SET status = $2, refund_ref = coalesce($3, refund_ref), updated_at = now()
      WHERE id = $1""";
  /** Claims the longest-waiting payments pending longer than $1 seconds, or not asked about for as long; $2 of them. */
  private static final String CLAIM_STALE = """
      UPDATE orders.payments SET checked_at = now()
      WHERE id IN (
        SELECT id FROM orders.payments
        WHERE status = 'PENDING' AND coalesce(checked_at, created_at) < now() - make_interval(secs => $1)
        ORDER BY coalesce(checked_at, created_at) LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING\s""" + COLUMNS;
  private static final String PENDING_OF_ORDER = "SELECT " + COLUMNS + """
      \sFROM orders.payments WHERE order_id = $1 AND status = 'PENDING' ORDER BY created_at""";
  private static final String RECORD_WEBHOOK = """
      INSERT INTO orders.webhook_events (provider, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING""";

  public record Payment(UUID id, UUID orderId, String provider, String method, String status, BigDecimal amount,
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

  private final Pool pool;

  public PaymentRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Payment> insert(SqlConnection tx, UUID orderId, String provider, String method, BigDecimal amount,
      String currency, String outcome) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {UUID.randomUUID(), orderId, provider, method, amount, currency, outcome}))
        .map(rows -> from(rows.iterator().next()));
  }

  Future<Void> setReference(UUID paymentId, String reference) {
    return pool.preparedQuery(SET_REFERENCE).execute(Tuple.of(paymentId, reference)).mapEmpty();
  }

  Future<Optional<Payment>> lock(SqlConnection tx, UUID paymentId) {
    return tx.preparedQuery(LOCK)
        .execute(Tuple.of(paymentId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next())));
  }

  /** The order's captured payment, if any (at most one succeeds: later ones are refunded at once). */
  Future<Optional<Payment>> succeeded(SqlConnection tx, UUID orderId) {
    return tx.preparedQuery(LOCK_SUCCEEDED)
        .execute(Tuple.of(orderId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next())));
  }

  Future<Void> setStatus(SqlConnection tx, UUID paymentId, String status, String refundRef) {
    return tx.preparedQuery(SET_STATUS).execute(Tuple.of(paymentId, status, refundRef)).mapEmpty();
  }

  /** Marks the payment failed in a transaction of its own. */
  Future<Void> fail(UUID paymentId) {
    return pool.withTransaction(tx -> setStatus(tx, paymentId, "FAILED", null));
  }

  /**
   * Claims up to {@code batch} payments pending for more than {@code afterSeconds} (and not asked about in that
   * time) to ask their provider about. Claiming marks them asked in one statement under {@code FOR UPDATE SKIP
   * LOCKED}: sweeps running at once on several instances and nodes claim different payments, and a payment is asked
   * about again only {@code afterSeconds} later.
   */
  Future<List<Payment>> claimStale(int afterSeconds, int batch) {
    return pool.preparedQuery(CLAIM_STALE).execute(Tuple.of(afterSeconds, batch)).map(PaymentRepository::all);
  }

  /** The order's payments still waiting for their provider's word, from the primary. */
  Future<List<Payment>> pendingOf(UUID orderId) {
    return pool.preparedQuery(PENDING_OF_ORDER).execute(Tuple.of(orderId)).map(PaymentRepository::all);
  }

  /** Records a webhook delivery; false when this event was seen before. */
  Future<Boolean> recordWebhook(SqlConnection tx, String provider, String eventId) {
    return tx.preparedQuery(RECORD_WEBHOOK).execute(Tuple.of(provider, eventId)).map(rows -> rows.rowCount() > 0);
  }

  private static List<Payment> all(RowSet<Row> rows) {
    List<Payment> payments = new ArrayList<>();
    for (Row row : rows) {
      payments.add(from(row));
    }
    return payments;
  }

  private static Payment from(Row row) {
    return new Payment(row.getUUID("id"), row.getUUID("order_id"), row.getString("provider"), row.getString("method"),
        row.getString("status"), Money.of(row.getString("amount")), row.getString("currency"),
        row.getString("outcome"), row.getString("provider_ref"), row.getString("created_at"));
  }
}
