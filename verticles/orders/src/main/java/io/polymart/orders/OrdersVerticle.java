package io.polymart.orders;

import io.polymart.core.bus.BusServer;
import io.polymart.core.db.Migrations;
import io.polymart.core.db.PgSettings;
import io.polymart.core.outbox.Outbox;
import io.polymart.core.outbox.OutboxRelay;
import io.polymart.core.outbox.OutboxTransactions;
import io.polymart.core.sweep.Sweeper;
import io.polymart.orders.payment.PaymentProvider;
import io.polymart.orders.payment.SandboxProvider;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.util.Map;

import static io.polymart.core.bus.Addresses.*;

/** Wires checkout, the order lifecycle, coupons and payments to their event-bus addresses. */
public final class OrdersVerticle extends VerticleBase {
  public static final String SCHEMA = "orders";
  private Pool pool;
  private SqlClient reads;
  private OutboxRelay relay;
  private Sweeper sweeper;
  private SandboxProvider sandbox;

  @Override
  public Future<?> start() {
    JsonObject conf = config();
    OrdersSettings settings = OrdersSettings.from(conf);
    PgSettings pg = PgSettings.from(conf);
    pool = pg.pool(vertx);
    reads = pg.readClient(vertx);
    relay = new OutboxRelay(vertx, pool, SCHEMA + ".outbox", conf.getJsonObject("kafka").getString("bootstrapServers"),
        settings.outboxPollMillis());
    OrdersWriter writer = new OrdersWriter(new OutboxTransactions(pool, new Outbox(SCHEMA + ".outbox"), relay::wakeUp),
        vertx.eventBus());
    OrderStore orders = new OrderStore();
    CouponStore couponStore = new CouponStore();
    PaymentStore paymentStore = new PaymentStore();
    CatalogStock stock = new CatalogStock(vertx.eventBus());
    Transitions transitions = new Transitions(orders);
    sandbox = settings.sandbox().provider(vertx);
    Map<String, PaymentProvider> providers = Map.of(sandbox.name(), sandbox);
    Refunds refunds = new Refunds(paymentStore, providers);
    CheckoutService checkout = new CheckoutService(writer, orders, reads, couponStore, stock,
        new BuyerServices(vertx.eventBus()), settings.shipping(), settings.currency(),
        settings.paymentTimeoutSeconds());
    LifecycleService lifecycle = new LifecycleService(writer, orders, reads, transitions, stock, couponStore, refunds);
    OrderQueries queries = new OrderQueries(orders, reads);
    PaymentService payments = new PaymentService(writer, orders, paymentStore, transitions, refunds, stock,
        couponStore, providers, sandbox);
    CouponService coupons = new CouponService(pool, couponStore);
    sweeper = new Sweeper(vertx, "unpaid orders cancelled past their payment time",
        settings.sweepIntervalSeconds() * 1000L, PaymentTimeouts.SWEEP_BATCH,
        new PaymentTimeouts(writer, lifecycle)::cancelExpired);

    BusServer server = new BusServer(vertx)
        .handle(ORDERS_PLACE, checkout::place)
        .handle(ORDERS_LIST, queries::list)
        .handle(ORDERS_GET, queries::get)
        .handle(ORDERS_CANCEL, lifecycle::cancel)
        .handle(ORDERS_CONFIRM_RECEIPT, lifecycle::confirmReceipt)
        .handle(ORDERS_REFUND_REQUEST, lifecycle::requestRefund)
        .handle(ORDERS_PAY, payments::pay)
        .handle(ORDERS_ADMIN_LIST, queries::staffList)
        .handle(ORDERS_ADMIN_GET, queries::staffGet)
        .handle(ORDERS_ADMIN_SHIP, lifecycle::ship)
        .handle(ORDERS_ADMIN_DELIVER, lifecycle::deliver)
        .handle(ORDERS_ADMIN_REFUND_APPROVE, lifecycle::approveRefund)
        .handle(ORDERS_ADMIN_REFUND_REJECT, lifecycle::rejectRefund)
        .handle(ORDERS_PAYMENT_WEBHOOK, payments::webhook)
        .handle(COUPONS_CREATE, coupons::create)
        .handle(COUPONS_LIST, coupons::list)
        .handle(COUPONS_CLAIM, coupons::claim)
        .handle(COUPONS_MINE, coupons::mine);

    return Migrations.apply(vertx, pg, SCHEMA)
        .compose(v -> server.ready())
        .compose(v -> relay.start())
        .onSuccess(v -> sweeper.start());
  }

  @Override
  public Future<?> stop() {
    if (sweeper != null) {
      sweeper.stop();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    Future<Void> relayStopped = relay == null ? Future.succeededFuture() : relay.stop();
    return relayStopped
        .compose(v -> reads == null ? Future.succeededFuture() : reads.close())
        .compose(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
