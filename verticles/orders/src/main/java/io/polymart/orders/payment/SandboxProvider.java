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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The built-in test gateway. It behaves like a real one: a payment is confirmed later, by a signed call to the
 * platform's webhook, retried with back-off while the platform does not answer 2xx. The outcome is chosen per
 * payment with {@code sandbox: {outcome: success | failure | delay, delaySeconds}}.
 */
public final class SandboxProvider implements PaymentProvider {
  public static final String NAME = "sandbox";
  private static final Logger LOG = LoggerFactory.getLogger(SandboxProvider.class);
  private static final long PROMPT_DELAY_MS = 100;
  private static final int MAX_ATTEMPTS = 6;
  private final Vertx vertx;
  private final HttpClient http;
  private final WebhookSignature signature;
  private final String webhookUrl;
  private final int defaultDelaySeconds;

  public SandboxProvider(Vertx vertx, String secret, String webhookUrl, int defaultDelaySeconds, long toleranceSeconds) {
    this.vertx = vertx;
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
    vertx.setTimer(Math.max(1, delayMs), id -> deliver(event.encode(), 1));
    return Future.succeededFuture(new ProviderPayment("sbx_" + payment.paymentId(), null));
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
