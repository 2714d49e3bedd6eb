package io.polymart.orders;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.db.PgSettings;
import io.polymart.core.error.ServiceException;
import io.polymart.orders.payment.WebhookSignature;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.COUPONS_CREATE;
import static io.polymart.core.bus.Addresses.ORDERS_GET;
import static io.polymart.core.bus.Addresses.ORDERS_LIST;
import static io.polymart.core.bus.Addresses.ORDERS_PAY;
import static io.polymart.core.bus.Addresses.ORDERS_PAYMENT_WEBHOOK;
import static io.polymart.core.bus.Addresses.ORDERS_PLACE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orders module's tests' node: the real {@link OrdersVerticle} on a {@link BusTestNode} per test JVM, with stubs
 * on the same event bus for the verticles it calls ({@link CatalogStockStub}, {@link AddressesStub}, {@link CartStub}),
 * and the orders requests. Shipping is set to a fee of {@value #SHIPPING_FEE} waived from {@value #FREE_OVER}, so the
 * tests see the conf at work. Tests share PostgreSQL: every test uses new buyers, sellers, SKUs and coupons.
 */
final class OrdersFixture {
  static final String SHIPPING_FEE = "7.50";
  static final String FREE_OVER = "60.00";
  static final String WEBHOOK_SECRET = "orders-module-tests-webhook-secret";
  /** Nothing listens there: the sandbox's own webhooks never arrive, as in an outage longer than its retries. */
  static final String LOST_WEBHOOK_URL = "http://127.0.0.1:1/api/v1/payments/webhook/sandbox";
  /** How long a payment is pending before the reconciliation sweep asks the sandbox about it. */
  static final int RECONCILE_AFTER_SECONDS = 30;
  private static BusTestNode node;
  private static Pool pg;
  private static CatalogStockStub stock;
  private static AddressesStub addresses;
  private static CartStub cart;

  private OrdersFixture() {
  }

  static synchronized BusTestNode node() {
    if (node == null) {
      BusTestNode started = BusTestNode.start(config -> {
        config.getJsonObject("orders").getJsonObject("shipping").put("fee", SHIPPING_FEE).put("freeOver", FREE_OVER);
        config.getJsonObject("orders").put("sweepIntervalSeconds", 1);
        config.getJsonObject("payments").getJsonObject("sandbox").put("secret", WEBHOOK_SECRET)
            .put("webhookUrl", LOST_WEBHOOK_URL);
        config.getJsonObject("payments").getJsonObject("reconcile").put("afterSeconds", RECONCILE_AFTER_SECONDS)
            .put("intervalSeconds", 1);
      });
      stock = new CatalogStockStub(started.vertx());
      addresses = new AddressesStub(started.vertx());
      cart = new CartStub(started.vertx());
      started.deploy(OrdersVerticle::new, 1);
      pg = PgSettings.from(started.config()).pool(started.vertx(), "test");
      node = started;
    }
    return node;
  }

  /** A pool on the orders database, to look at rows and to move time (expiry, age) the way waiting would. */
  static Pool pg() {
    node();
    return pg;
  }

  /** Runs {@code sql} with {@code args}; answers the rows. */
  static RowSet<Row> sql(String sql, Object... args) {
    return BusTestNode.await(pg().preparedQuery(sql).execute(Tuple.from(args)));
  }

  static CatalogStockStub stock() {
    node();
    return stock;
  }

  static AddressesStub addresses() {
    node();
    return addresses;
  }

  static CartStub cart() {
    node();
    return cart;
  }

  // -- checkout ----------------------------------------------------------------------------------------------------

  static JsonObject line(String skuId, int quantity) {
    return new JsonObject().put("skuId", skuId).put("quantity", quantity);
  }

  /** A checkout body buying {@code lines} to {@code addressId}. */
  static JsonObject checkout(String addressId, JsonObject... lines) {
    return new JsonObject().put("addressId", addressId).put("items", new JsonArray(List.of((Object[]) lines)));
  }

  static Reply place(Caller buyer, String idempotencyKey, JsonObject body) {
    return node().call(ORDERS_PLACE, new JsonObject(), body, buyer.withHeader(BusHeaders.IDEMPOTENCY_KEY,
        idempotencyKey));
  }

  /** Places an order under a new Idempotency-Key; it must succeed. */
  static JsonObject order(Caller buyer, JsonObject body) {
    return place(buyer, UUID.randomUUID().toString(), body).orThrow();
  }

  /** The buyer orders {@code quantity} of the SKU, to a new address of theirs. */
  static JsonObject order(Caller buyer, String skuId, int quantity) {
    return order(buyer, checkout(addresses().address(buyer), line(skuId, quantity)));
  }

  /** The buyer's orders, newest first. */
  static JsonObject orders(Caller buyer) {
    return node().ok(ORDERS_LIST, new JsonObject(), new JsonObject(), buyer);
  }

  static JsonObject get(Caller buyer, String orderId) {
    return node().ok(ORDERS_GET, new JsonObject().put("id", orderId), new JsonObject(), buyer);
  }

  /** A request on one order ({@code address} is a buyer's or a staff member's move). */
  static Reply act(String address, String orderId, JsonObject body, Caller caller) {
    return node().call(address, new JsonObject().put("id", orderId), body, caller);
  }

  /** A coupon valid from yesterday to tomorrow with the given rules ({@code type}, {@code value}, ...); its code. */
  static String coupon(JsonObject rules) {
    String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    node().ok(COUPONS_CREATE, new JsonObject(), rules.copy().put("code", code)
        .put("startsAt", now.minusDays(1).toString()).put("endsAt", now.plusDays(1).toString())
        .put("totalQuantity", 100), Caller.admin());
    return code;
  }

  // -- payment -----------------------------------------------------------------------------------------------------

  /**
   * Pays for the buyer's order: starts a sandbox payment (whose own webhook would come only after the tests) and
   * delivers the provider's signed success webhook at once. Answers the payment as {@code orders.pay} did.
   */
  static JsonObject pay(Caller buyer, String orderId) {
    JsonObject payment = startPayment(buyer, orderId, new JsonObject().put("outcome", "delay").put("delaySeconds", 600));
    webhook(payment, "payment.succeeded").orThrow();
    return payment;
  }

  /** Starts a sandbox payment with these options ({@code outcome}, {@code delaySeconds}); answers the payment. */
  static JsonObject startPayment(Caller buyer, String orderId, JsonObject sandbox) {
    return act(ORDERS_PAY, orderId, new JsonObject().put("method", "card").put("sandbox", sandbox), buyer).orThrow();
  }

  /** Delivers a signed sandbox webhook of {@code type} for the payment (as {@code orders.pay} answered it). */
  static Reply webhook(JsonObject payment, String type) {
    JsonObject event = new JsonObject().put("id", "evt_" + UUID.randomUUID()).put("type", type)
        .put("created", Instant.now().getEpochSecond())
        .put("data", new JsonObject().put("paymentId", payment.getString("paymentId"))
            .put("orderId", payment.getString("orderId"))
            .put("amount", payment.getString("amount")).put("currency", payment.getString("currency")));
    long timestamp = Instant.now().getEpochSecond();
    String payload = event.encode();
    return node().call(ORDERS_PAYMENT_WEBHOOK, new JsonObject(), new JsonObject().put("provider", "sandbox")
        .put("payload", payload).put("timestamp", Long.toString(timestamp))
        .put("signature", new WebhookSignature(WEBHOOK_SECRET, 300, Clock.systemUTC()).sign(timestamp, payload)),
        Caller.service());
  }

  // -- reading orders ----------------------------------------------------------------------------------------------

  /** The order's history as {@code "FROM>TO by actor"} ({@code FROM} is null for the first entry). */
  static List<String> moves(JsonObject order) {
    return order.getJsonArray("history").stream().map(JsonObject.class::cast)
        .map(entry -> entry.getString("from") + ">" + entry.getString("to") + " by " + entry.getString("actor"))
        .toList();
  }

  /** The order's last history entry. */
  static JsonObject lastMove(JsonObject order) {
    JsonArray history = order.getJsonArray("history");
    return history.getJsonObject(history.size() - 1);
  }

  static void assertFailure(ServiceException error, int status, String code) {
    assertThat(error.status()).as(error.toJson().encode()).isEqualTo(status);
    assertThat(error.code()).as(error.toJson().encode()).isEqualTo(code);
  }
}
