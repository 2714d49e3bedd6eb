package io.polymart.orders.payment;

import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The built-in test gateway. It behaves like a real one: a payment is confirmed later, by a signed call to the
 * platform's webhook, retried with back-off while the platform does not answer 2xx, and it can be asked how a payment
 * stands ({@link #retrieve}). The outcome is chosen per payment with
 * {@code sandbox: {outcome: success | failure | delay, delaySeconds}}. What it decided is kept in
 * {@code orders.sandbox_payments}, its own table, so that every instance and node answers alike and a restart
 * forgets nothing, as a gateway's own records would.
 */
public final class SandboxProvider implements PaymentProvider {
  public static final String NAME = "sandbox";
  private static final Logger LOG = LoggerFactory.getLogger(SandboxProvider.class);
  private static final long PROMPT_DELAY_MS = 100;
  private static final int MAX_ATTEMPTS = 6;
  private static final String RECORD = """
      INSERT INTO orders.sandbox_payments (payment_id, succeeds, settles_at, amount, currency)
      VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5)""";
  private static final String FIND = """
      SELECT succeeds, settles_at <= now() AS due, amount::text AS amount, currency
      FROM orders.sandbox_payments WHERE payment_id = $1""";
  private final Vertx vertx;
  private final SqlClient records;
  private final HttpClient http;
  private final WebhookSignature signature;
  private final String webhookUrl;
  private final int defaultDelaySeconds;

  /** {@code records} reaches {@code orders.sandbox_payments}. */
  public SandboxProvider(Vertx vertx, SqlClient records, String secret, String webhookUrl, int defaultDelaySeconds,
      long toleranceSeconds) {
    this.vertx = vertx;
    this.records = records;
    this.http = vertx.createHttpClient();
    this.signature = new WebhookSignature(secret, toleranceSeconds, Clock.systemUTC());
    this.webhookUrl = webhookUrl;
    this.defaultDelaySeconds = defaultDelaySeconds;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<ProviderPayment> create(PaymentIntent payment) {
    JsonObject options = payment.options() == null ? new JsonObject() : payment.options();
    String outcome = options.getString("outcome", "success");
    long delayMs = switch (outcome) {
      case "delay" -> options.getInteger("delaySeconds", defaultDelaySeconds) * 1000L;
      default -> PROMPT_DELAY_MS;
    };
    JsonObject event = new JsonObject()
        .put("id", "evt_" + UUID.randomUUID())
        .put("type", outcome.equals("failure") ? "payment.failed" : "payment.succeeded")
        .put("created", Instant.now().getEpochSecond())
        .put("data", new JsonObject().put("paymentId", payment.paymentId().toString())
            .put("orderId", payment.orderId().toString()).put("amount", Money.format(payment.amount()))
            .put("currency", payment.currency()));
    long settleMs = Math.max(1, delayMs);
    return records.preparedQuery(RECORD)
        .execute(Tuple.of(payment.paymentId(), !outcome.equals("failure"), settleMs / 1000.0, payment.amount(),
            payment.currency()))
        .map(recorded -> {
          vertx.setTimer(settleMs, id -> deliver(event.encode(), 1));
          return new ProviderPayment("sbx_" + payment.paymentId(), null);
        });
  }

  /** Pending until the payment's webhook is first due to be sent; then what was decided when it was created. */
  @Override
  public Future<ProviderStatus> retrieve(PaymentIntent payment) {
    return records.preparedQuery(FIND).execute(Tuple.of(payment.paymentId())).map(rows -> {
      if (rows.size() == 0) {
        return ProviderStatus.unknown();
      }
      Row row = rows.iterator().next();
      return !row.getBoolean("due") ? ProviderStatus.pending()
          : ProviderStatus.settled(row.getBoolean("succeeds"), Money.of(row.getString("amount")),
              row.getString("currency"));
    });
  }

  private void deliver(String payload, int attempt) {
    long timestamp = Instant.now().getEpochSecond();
    http.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(webhookUrl).setTimeout(10_000)
            .putHeader("Content-Type", "application/json")
            .putHeader("X-Polymart-Timestamp", Long.toString(timestamp))
            .putHeader("X-Polymart-Signature", signature.sign(timestamp, payload)))
        .compose(request -> request.send(payload))
        .onComplete(response -> {
          int status = response.succeeded() ? response.result().statusCode() : 0;
          if (status >= 200 && status < 300) {
            return;
          }
          if ((status == 0 || status >= 500) && attempt < MAX_ATTEMPTS) {
            vertx.setTimer(1000L << (attempt - 1), id -> deliver(payload, attempt + 1));
          } else {
            LOG.warn("Sandbox webhook gave up after attempt {}: status {}", attempt,
                response.succeeded() ? status : response.cause().toString());
          }
        });
  }

  @Override
  public WebhookEvent verify(String payload, String signatureHeader, String timestamp) {
    signature.verify(payload, signatureHeader, timestamp);
    try {
      JsonObject event = new JsonObject(payload);
      JsonObject data = event.getJsonObject("data");
      String type = event.getString("type");
      if (!"payment.succeeded".equals(type) && !"payment.failed".equals(type)) {
        throw invalidPayload();
      }
      return new WebhookEvent(event.getString("id"), UUID.fromString(data.getString("paymentId")),
          type.equals("payment.succeeded"), Money.parseNonNegative("data.amount", data.getValue("amount")),
          data.getString("currency"));
    } catch (DecodeException | ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw invalidPayload();
    }
  }

  @Override
  public Future<String> refund(PaymentIntent payment) {
    return Future.succeededFuture("sbx_refund_" + payment.paymentId());
  }

  private static ServiceException invalidPayload() {
    return ServiceException.badRequest("The webhook payload is not a payment event", null);
  }

  public void close() {
    http.close();
  }
}
