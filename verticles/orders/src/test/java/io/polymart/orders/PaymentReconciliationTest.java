package io.polymart.orders;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.polymart.core.client.BusClient;
import io.polymart.core.client.CatalogStockClient;
import io.polymart.core.db.PgSettings;
import io.polymart.core.db.RecentWriters;
import io.polymart.core.outbox.Outbox;
import io.polymart.core.outbox.OutboxTransactions;
import io.polymart.orders.coupon.CouponRepository;
import io.polymart.orders.order.OrderRepository;
import io.polymart.orders.order.Transitions;
import io.polymart.orders.payment.PaymentProvider;
import io.polymart.orders.payment.PaymentReconciler;
import io.polymart.orders.payment.PaymentRepository;
import io.polymart.orders.payment.PaymentOutcomes;
import io.polymart.orders.payment.PaymentService;
import io.polymart.orders.payment.Refunds;
import io.polymart.orders.payment.SandboxProvider;
import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.polymart.testing.KafkaEvents;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.ORDERS_CANCEL;
import static io.polymart.orders.OrdersFixture.LOST_WEBHOOK_URL;
import static io.polymart.orders.OrdersFixture.RECONCILE_AFTER_SECONDS;
import static io.polymart.orders.OrdersFixture.WEBHOOK_SECRET;
import static io.polymart.orders.OrdersFixture.act;
import static io.polymart.orders.OrdersFixture.get;
import static io.polymart.orders.OrdersFixture.moves;
import static io.polymart.orders.OrdersFixture.node;
import static io.polymart.orders.OrdersFixture.order;
import static io.polymart.orders.OrdersFixture.pg;
import static io.polymart.orders.OrdersFixture.sql;
import static io.polymart.orders.OrdersFixture.startPayment;
import static io.polymart.orders.OrdersFixture.stock;
import static io.polymart.orders.OrdersFixture.webhook;
import static io.polymart.testing.BusTestNode.await;
import static io.polymart.testing.BusTestNode.awaitAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments whose webhook never comes (the fixture's sandbox sends it where nothing listens): the reconciliation sweep
 * asks the sandbox and settles them as the webhook would have, once, however many sweeps and late webhooks race;
 * and the payment-timeout sweeper asks before it cancels, so it never cancels an order that was paid.
 */
class PaymentReconciliationTest {
  private static final Duration SETTLED_WITHIN = Duration.ofSeconds(20);
  private static final JsonObject SUCCESS = new JsonObject().put("outcome", "success");
  private static final JsonObject FAILURE = new JsonObject().put("outcome", "failure");

  @Test
  void aSucceededPaymentWhoseWebhookNeverCameIsPaidByTheSweepOnce() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("25.00", 5, Caller.seller().userId());
    String id = order(buyer, skuId, 2).getString("id");
    JsonObject payment = startPayment(buyer, id, SUCCESS);
    awaitDueAtTheSandbox(payment);
    assertThat(get(buyer, id).getString("status")).isEqualTo("PENDING_PAYMENT");

    pendingLongerThanTheThreshold(payment);
    awaitStatus(buyer, id, "PAID");
    JsonObject paid = get(buyer, id);
    // exactly what the webhook does: the same move, actor and reason, the stock confirmed once
    assertThat(moves(paid)).containsExactly("null>PENDING_PAYMENT by user", "PENDING_PAYMENT>PAID by payment");
    assertThat(paid.getJsonArray("history").getJsonObject(1).getString("reason"))
        .isEqualTo("payment " + payment.getString("paymentId"));
    assertThat(paid.getString("paidAt")).isNotNull();
    assertThat(paymentStatus(paid)).isEqualTo("SUCCEEDED");
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve", "confirm");

    // the webhook arriving after all, and the order's payments asked about again, change nothing
    Reply late = webhook(payment, "payment.succeeded");
    assertThat(late.orThrow().getBoolean("received")).isTrue();
    await(new OtherNode(node().vertx()).reconciler.reconcileOrder(UUID.fromString(id)));
    JsonObject after = get(buyer, id);
    assertThat(after.getJsonArray("history")).isEqualTo(paid.getJsonArray("history"));
    assertThat(paymentStatus(after)).isEqualTo("SUCCEEDED");
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve", "confirm");
    assertOnePaidEvent(buyer, id);
  }

  @Test
  void aFailedPaymentWhoseWebhookNeverCameEndsFailedAndTheOrderStaysPayable() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("18.00", 5, Caller.seller().userId());
    String id = order(buyer, skuId, 1).getString("id");
    JsonObject payment = startPayment(buyer, id, FAILURE);
    awaitDueAtTheSandbox(payment);

    pendingLongerThanTheThreshold(payment);
    Await.until("the payment to fail", SETTLED_WITHIN, () -> "FAILED".equals(paymentStatus(get(buyer, id))));
    JsonObject failed = get(buyer, id);
    assertThat(failed.getString("status")).isEqualTo("PENDING_PAYMENT");
    assertThat(moves(failed)).containsExactly("null>PENDING_PAYMENT by user");
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve");

    assertThat(webhook(payment, "payment.failed").orThrow().getBoolean("received")).isTrue();
    JsonObject after = get(buyer, id);
    assertThat(paymentStatus(after)).isEqualTo("FAILED");
    assertThat(after.getJsonArray("history")).isEqualTo(failed.getJsonArray("history"));
  }

  @Test
  void aPaymentTheProviderDoesNotKnowIsFailedOnceItIsStale() {
    Caller buyer = Caller.user();
    String id = order(buyer, stock().sku("11.00", 5, Caller.seller().userId()), 1).getString("id");
    JsonObject payment = startPayment(buyer, id, SUCCESS);
    // as when the sandbox's record was never written (the database went away between the payment and the provider)
    sql("DELETE FROM orders.sandbox_payments WHERE payment_id = $1", UUID.fromString(payment.getString("paymentId")));

    pendingLongerThanTheThreshold(payment);
    Await.until("the unknown payment to fail", SETTLED_WITHIN, () -> "FAILED".equals(paymentStatus(get(buyer, id))));
    assertThat(get(buyer, id).getString("status")).isEqualTo("PENDING_PAYMENT");
  }

  @Test
  void aPaymentNotYetSettledAtTheProviderStaysPending() {
    Caller buyer = Caller.user();
    String id = order(buyer, stock().sku("9.00", 5, Caller.seller().userId()), 1).getString("id");
    JsonObject payment = startPayment(buyer, id, new JsonObject().put("outcome", "delay").put("delaySeconds", 600));
    pendingLongerThanTheThreshold(payment);
    await(new OtherNode(node().vertx()).reconciler.reconcileOrder(UUID.fromString(id)));
    JsonObject order = get(buyer, id);
    assertThat(order.getString("status")).isEqualTo("PENDING_PAYMENT");
    assertThat(paymentStatus(order)).isEqualTo("PENDING");
  }

  @Test
  void theTimeoutSweeperPaysAnOrderItsProviderWasPaidForInsteadOfCancellingIt() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("30.00", 5, Caller.seller().userId());
    String id = order(buyer, skuId, 1).getString("id");
    JsonObject payment = startPayment(buyer, id, SUCCESS);
    awaitDueAtTheSandbox(payment);

    // far younger than the reconciliation threshold: only the timeout sweeper's own question can save it
    sql("UPDATE orders.orders SET expires_at = now() - interval '1 second' WHERE id = $1", UUID.fromString(id));
    Await.until("the expired order to be settled", SETTLED_WITHIN,
        () -> !"PENDING_PAYMENT".equals(get(buyer, id).getString("status")));
    JsonObject order = get(buyer, id);
    assertThat(order.getString("status")).isEqualTo("PAID");
    assertThat(moves(order)).containsExactly("null>PENDING_PAYMENT by user", "PENDING_PAYMENT>PAID by payment");
    assertThat(paymentStatus(order)).isEqualTo("SUCCEEDED");
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve", "confirm");
  }

  @Test
  void anExpiredOrderWhosePaymentIsStillPendingAtTheProviderIsCancelled() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("30.00", 5, Caller.seller().userId());
    String id = order(buyer, skuId, 1).getString("id");
    startPayment(buyer, id, new JsonObject().put("outcome", "delay").put("delaySeconds", 600));

    sql("UPDATE orders.orders SET expires_at = now() - interval '1 second' WHERE id = $1", UUID.fromString(id));
    awaitStatus(buyer, id, "CANCELLED");
    assertThat(moves(get(buyer, id))).containsExactly("null>PENDING_PAYMENT by user",
        "PENDING_PAYMENT>CANCELLED by system");
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve", "release");
  }

  /**
   * Two deployed instances sweep every second while three more nodes' reconcilers ask about every order's payments
   * at once and the lost webhooks arrive late: each payment is still settled once.
   */
  @Test
  void racingSweepsAndLateWebhooksSettleEachPaymentOnce() {
    Caller buyer = Caller.user();
    List<String> orderIds = new ArrayList<>();
    List<String> skuIds = new ArrayList<>();
    List<JsonObject> payments = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String skuId = stock().sku("12.00", 5, Caller.seller().userId());
      String id = order(buyer, skuId, 1).getString("id");
      skuIds.add(skuId);
      orderIds.add(id);
      payments.add(startPayment(buyer, id, i % 4 == 3 ? FAILURE : SUCCESS));
    }
    payments.forEach(PaymentReconciliationTest::awaitDueAtTheSandbox);

    String second = await(node().vertx().deployVerticle(new OrdersVerticle(),
        new DeploymentOptions().setConfig(node().config())));
    try {
      List<OtherNode> nodes = List.of(new OtherNode(node().vertx()), new OtherNode(node().vertx()),
          new OtherNode(node().vertx()));
      payments.forEach(PaymentReconciliationTest::pendingLongerThanTheThreshold);
      List<Future<?>> racing = new ArrayList<>();
      for (int i = 0; i < orderIds.size(); i++) {
        UUID orderId = UUID.fromString(orderIds.get(i));
        for (OtherNode other : nodes) {
          racing.add(other.reconciler.reconcileOrder(orderId));
          racing.add(other.reconciler.reconcileStale(2));
        }
        if (i % 3 == 0) {
          boolean fails = i % 4 == 3;
          JsonObject payment = payments.get(i);
          racing.add(node().vertx().executeBlocking(() ->
              webhook(payment, fails ? "payment.failed" : "payment.succeeded").orThrow()));
        }
      }
      awaitAll(racing.stream().map(future -> (Future<Object>) future.map(done -> (Object) "done")).toList());
    } finally {
      await(node().vertx().undeploy(second));
    }

    for (int i = 0; i < orderIds.size(); i++) {
      String id = orderIds.get(i);
      boolean fails = i % 4 == 3;
      Await.until("order " + i + " to be settled", SETTLED_WITHIN,
          () -> !"PENDING".equals(paymentStatus(get(buyer, id))));
      JsonObject order = get(buyer, id);
      assertThat(paymentStatus(order)).as("payment of order " + i).isEqualTo(fails ? "FAILED" : "SUCCEEDED");
      assertThat(moves(order)).as("order " + i).containsExactlyElementsOf(fails
          ? List.of("null>PENDING_PAYMENT by user")
          : List.of("null>PENDING_PAYMENT by user", "PENDING_PAYMENT>PAID by payment"));
      assertThat(stock().steps(stock().reservationOf(skuIds.get(i)))).as("order " + i)
          .containsExactlyElementsOf(fails ? List.of("reserve") : List.of("reserve", "confirm"));
      if (!fails) {
        assertOnePaidEvent(buyer, id);
      }
    }
  }

  // -- helpers -------------------------------------------------------------------------------------------------------

  /** Waits until the sandbox has sent (or would have sent) the payment's webhook: it has settled at its end. */
  private static void awaitDueAtTheSandbox(JsonObject payment) {
    UUID paymentId = UUID.fromString(payment.getString("paymentId"));
    Await.until("the sandbox to settle the payment", SETTLED_WITHIN, () -> sql(
        "SELECT settles_at <= now() AS due FROM orders.sandbox_payments WHERE payment_id = $1", paymentId)
        .iterator().next().getBoolean("due"));
  }

  /** Moves the payment's creation back past the reconciliation threshold, as if its webhook had long been lost. */
  private static void pendingLongerThanTheThreshold(JsonObject payment) {
    sql("UPDATE orders.payments SET created_at = created_at - make_interval(secs => $2) WHERE id = $1",
        UUID.fromString(payment.getString("paymentId")), RECONCILE_AFTER_SECONDS + 5);
  }

  private static void awaitStatus(Caller buyer, String orderId, String status) {
    Await.until("order " + orderId + " to be " + status, SETTLED_WITHIN,
        () -> status.equals(get(buyer, orderId).getString("status")));
  }

  private static String paymentStatus(JsonObject order) {
    return order.getJsonArray("payments").getJsonObject(0).getString("status");
  }

  /** Cancels the paid order (a last event to read up to) and checks that {@code polymart.orders} had one OrderPaid. */
  private static void assertOnePaidEvent(Caller buyer, String orderId) {
    act(ORDERS_CANCEL, orderId, new JsonObject(), buyer).orThrow();
    List<String> types = KafkaEvents.until(node().config().getJsonObject("kafka").getString("bootstrapServers"),
            "polymart.orders", orderId, "OrderCancelled", SETTLED_WITHIN).stream()
        .map(event -> event.getString("type")).toList();
    assertThat(types).as(orderId).containsExactly("OrderPlaced", "OrderPaid", "OrderCancelled");
  }

  /** Another node's reconciler: its own repositories, sandbox and clients, on the same database and event bus. */
  private static final class OtherNode {
    final PaymentReconciler reconciler;

    OtherNode(Vertx vertx) {
      Pool pool = pg();
      OrderRepository orders = new OrderRepository(new OutboxTransactions(pool, new Outbox("orders.outbox"), () -> { }),
          pool, PgSettings.from(node().config()).readReplicas(vertx, pool, "test"), RecentWriters.NONE,
          vertx.eventBus());
      PaymentRepository payments = new PaymentRepository(pool);
      SandboxProvider sandbox = new SandboxProvider(vertx, pool, WEBHOOK_SECRET, LOST_WEBHOOK_URL, 5, 300);
      Map<String, PaymentProvider> providers = Map.of(sandbox.name(), sandbox);
      PaymentService service = new PaymentService(orders, payments, new Transitions(orders),
          new Refunds(payments, providers), new CatalogStockClient(BusClient.create(vertx, node().config())),
          new CouponRepository(pool, pool), providers, sandbox, new PaymentOutcomes(new SimpleMeterRegistry()));
      reconciler = new PaymentReconciler(payments, service, providers, RECONCILE_AFTER_SECONDS);
    }
  }
}
