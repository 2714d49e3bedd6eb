package io.polymart.main;

import io.polymart.core.db.PgSettings;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox provider's signed webhook, and what happens to orders nobody pays for. */
class PaymentWebhookTest {
  private static Vertx vertx;
  private static Pool pg;
  private final Shop shop = new Shop();

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    pg = PgSettings.from(TestPlatform.config()).pool(vertx, "test");
  }

  @AfterAll
  static void disconnect() {
    pg.close();
    vertx.close();
  }

  /** An order with a payment whose sandbox webhook will not come during the test. */
  private record Pending(Shop.Buyer buyer, String orderId, String paymentId, String total) {
  }

  private Pending pendingPayment(Shop.Sku sku) {
    Shop.Buyer buyer = shop.buyer();
    JsonObject order = shop.order(buyer, sku, 1);
    Reply payment = shop.pay(buyer, order.getString("id"), "delay", 600);
    assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
    return new Pending(buyer, order.getString("id"), payment.json().getString("paymentId"), order.getString("total"));
  }

  @Test
  void onlyAFreshCorrectlySignedDeliveryCountsAndOnlyOnce() {
    Shop.Sku sku = shop.stockedSku("20.00", 5);
    Pending pending = pendingPayment(sku);
    String event = Shop.paymentEvent(pending.paymentId(), pending.orderId(), "payment.succeeded", pending.total(), "USD");
    long now = Instant.now().getEpochSecond();

    assertRefused(shop.webhook(event, now, "not-the-secret"), 400, pending);
    assertRefused(shop.webhook(event.replace(pending.total(), "0.01"), Long.toString(now),
        signature(event, now)), 400, pending);
    assertRefused(shop.webhook(event, now - 900, Shop.SANDBOX_SECRET), 400, pending);
    assertRefused(shop.webhook(event, now + 900, Shop.SANDBOX_SECRET), 400, pending);
    assertRefused(shop.webhook(event, null, signature(event, now)), 400, pending);
    assertRefused(shop.webhook(event, Long.toString(now), null), 400, pending);

    Reply accepted = shop.signedWebhook(event);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    JsonObject paid = shop.getOrder(pending.buyer().session(), pending.orderId());
    assertThat(paid.getString("status")).isEqualTo("PAID");
    assertThat(paid.getJsonArray("payments").getJsonObject(0).getString("status")).isEqualTo("SUCCEEDED");

    Reply repeated = shop.signedWebhook(event);
    assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
    assertThat(repeated.json().getBoolean("duplicate")).isTrue();
    // the provider retrying with a new event id for the same payment changes nothing either
    Reply resent = shop.signedWebhook(Shop.paymentEvent(pending.paymentId(), pending.orderId(), "payment.succeeded",
        pending.total(), "USD"));
    assertThat(resent.status()).isEqualTo(200);
    JsonObject after = shop.getOrder(pending.buyer().session(), pending.orderId());
    assertThat(after.getJsonArray("history")).hasSize(paid.getJsonArray("history").size());
    assertThat(after.getJsonArray("payments").getJsonObject(0).getString("status")).isEqualTo("SUCCEEDED");
    assertThat(shop.available(sku)).isEqualTo(4);
  }

  /** The signature covers the exact bytes, so this passes only if the gateway forwards the body untouched. */
  @Test
  void theSignatureIsCheckedOverTheRawBodyByteForByte() {
    Pending pending = pendingPayment(shop.stockedSku("12.99", 5));
    String raw = "{ \"id\" :\t\"evt_" + UUID.randomUUID() + "\",\r\n  \"type\": \"payment.succeeded\", "
        + "\"note\": \"Zahlung f\u00fcr \u8ba2\u5355 \u2713 \uD83D\uDED2 \\u00e9\",\n \"data\": {\"paymentId\": \""
        + pending.paymentId() + "\", \"amount\":\"" + pending.total() + "\",   \"currency\": \"USD\"}  }\n\n  ";
    Reply accepted = shop.signedWebhook(raw);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(shop.status(pending.buyer(), pending.orderId())).isEqualTo("PAID");
    assertThat(shop.http.post(API + "/payments/webhook/other").raw(raw).send().status()).isEqualTo(404);
  }

  @Test
  void aDeliveryWhoseAmountOrCurrencyDiffersFromTheOrderIsRefused() {
    Pending pending = pendingPayment(shop.stockedSku("33.00", 5));
    Reply wrongAmount = shop.signedWebhook(Shop.paymentEvent(pending.paymentId(), pending.orderId(),
        "payment.succeeded", "1.00", "USD"));
    assertRefused(wrongAmount, 422, pending);
    assertThat(wrongAmount.errorCode()).isEqualTo("AMOUNT_MISMATCH");
    assertRefused(shop.signedWebhook(Shop.paymentEvent(pending.paymentId(), pending.orderId(), "payment.succeeded",
        pending.total(), "EUR")), 422, pending);
    assertRefused(shop.signedWebhook(Shop.paymentEvent(UUID.randomUUID().toString(), pending.orderId(),
        "payment.succeeded", pending.total(), "USD")), 422, pending);
    assertRefused(shop.signedWebhook("{\"not\":\"an event\"}"), 400, pending);
  }

  @Test
  void aFailedPaymentLeavesTheOrderPayableAndAnotherAttemptCanSucceed() {
    Shop.Sku sku = shop.stockedSku("14.00", 5);
    Shop.Buyer buyer = shop.buyer();
    String id = shop.order(buyer, sku, 1).getString("id");
    assertThat(shop.pay(buyer, id, "failure", null).status()).isEqualTo(201);
    CatalogFixtures.await("the payment to fail", Duration.ofSeconds(10), () -> {
      JsonArray payments = shop.getOrder(buyer.session(), id).getJsonArray("payments");
      return payments != null && "FAILED".equals(payments.getJsonObject(0).getString("status"));
    });
    assertThat(shop.status(buyer, id)).isEqualTo("PENDING_PAYMENT");
    assertThat(shop.available(sku)).isEqualTo(4);

    assertThat(shop.pay(buyer, id, "success", null).status()).isEqualTo(201);
    shop.awaitStatus(buyer, id, "PAID");
    Reply badMethod = shop.http.post(API + "/orders/" + id + "/pay").bearer(buyer.token())
        .json(new JsonObject().put("method", "cash")).send();
    assertThat(badMethod.status()).isEqualTo(400);
  }

  @Test
  void unpaidOrdersAreCancelledAfterTheirTimeReleasingStockAndCoupon() throws Exception {
    Shop.Sku sku = shop.stockedSku("50.00", 3);
    Shop.Buyer buyer = shop.buyer();
    String code = new CheckoutTest().couponFor(shop, "FIXED", "5.00");
    Reply placed = shop.placeOrder(buyer, UUID.randomUUID().toString(), Shop.items(sku, 2).put("couponCode", code));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    String id = placed.json().getString("id");
    Reply payment = shop.pay(buyer, id, "delay", 600);
    assertThat(shop.available(sku)).isEqualTo(1);

    expireNow(id);
    shop.awaitStatus(buyer, id, "CANCELLED");
    JsonObject cancelled = shop.getOrder(buyer.session(), id);
    JsonObject last = cancelled.getJsonArray("history").getJsonObject(cancelled.getJsonArray("history").size() - 1);
    assertThat(last.getString("actor")).isEqualTo("system");
    assertThat(last.getString("reason")).isEqualTo("payment timeout");
    assertThat(shop.available(sku)).isEqualTo(3);
    JsonObject coupon = shop.http.get(API + "/me/coupons").bearer(buyer.token()).send().json()
        .getJsonArray("items").getJsonObject(0);
    assertThat(coupon.getString("status")).isEqualTo("AVAILABLE");

    // the money arriving after all is handed back; the order stays cancelled
    Reply late = shop.signedWebhook(Shop.paymentEvent(payment.json().getString("paymentId"), id, "payment.succeeded",
        placed.json().getString("total"), "USD"));
    assertThat(late.status()).as(late.toString()).isEqualTo(200);
    JsonObject after = shop.getOrder(buyer.session(), id);
    assertThat(after.getString("status")).isEqualTo("CANCELLED");
    assertThat(after.getJsonArray("payments").getJsonObject(0).getString("status")).isEqualTo("REFUNDED");
    assertThat(shop.available(sku)).isEqualTo(3);
  }

  /** The provider took the money but its webhook never reached the platform: asking the provider settles it once. */
  @Test
  void aPaymentWhoseWebhookWasLostIsPaidByAskingTheProvider() throws Exception {
    Shop.Sku sku = shop.stockedSku("27.00", 5);
    Pending pending = pendingPayment(sku);
    UUID paymentId = UUID.fromString(pending.paymentId());
    // the sandbox has settled the payment at its end (its webhook will not come during the test), and the payment has
    // been pending longer than payments.reconcile.afterSeconds
    sql("UPDATE orders.sandbox_payments SET settles_at = now() WHERE payment_id = $1", paymentId);
    sql("UPDATE orders.payments SET created_at = now() - interval '10 minutes' WHERE id = $1", paymentId);

    shop.awaitStatus(pending.buyer(), pending.orderId(), "PAID");
    JsonObject paid = shop.getOrder(pending.buyer().session(), pending.orderId());
    assertThat(paid.getJsonArray("history")).hasSize(2);
    assertThat(paid.getJsonArray("history").getJsonObject(1).getString("reason"))
        .isEqualTo("payment " + pending.paymentId());
    assertThat(paid.getJsonArray("payments").getJsonObject(0).getString("status")).isEqualTo("SUCCEEDED");
    assertThat(shop.available(sku)).isEqualTo(4);

    // the webhook arriving after all changes nothing
    Reply late = shop.signedWebhook(Shop.paymentEvent(pending.paymentId(), pending.orderId(), "payment.succeeded",
        pending.total(), "USD"));
    assertThat(late.status()).as(late.toString()).isEqualTo(200);
    JsonObject after = shop.getOrder(pending.buyer().session(), pending.orderId());
    assertThat(after.getJsonArray("history")).isEqualTo(paid.getJsonArray("history"));
    assertThat(after.getJsonArray("payments").getJsonObject(0).getString("status")).isEqualTo("SUCCEEDED");
    assertThat(shop.available(sku)).isEqualTo(4);
  }

  private static void sql(String sql, Object... args) throws Exception {
    pg.preparedQuery(sql).execute(Tuple.from(args)).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static void expireNow(String orderId) throws Exception {
    pg.preparedQuery("UPDATE orders.orders SET expires_at = now() - interval '1 second' WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(orderId))).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static String signature(String payload, long timestamp) {
    return new io.polymart.orders.payment.WebhookSignature(Shop.SANDBOX_SECRET, 300, java.time.Clock.systemUTC())
        .sign(timestamp, payload);
  }

  private void assertRefused(Reply reply, int status, Pending pending) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    JsonObject order = shop.getOrder(pending.buyer().session(), pending.orderId());
    assertThat(order.getString("status")).isEqualTo("PENDING_PAYMENT");
    assertThat(order.getJsonArray("payments").getJsonObject(0).getString("status")).isEqualTo("PENDING");
  }
}
