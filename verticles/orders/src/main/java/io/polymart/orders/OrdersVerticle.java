package io.polymart.orders;

import io.polymart.core.bus.BusServer;
import io.polymart.core.client.AddressesClient;
import io.polymart.core.client.BusClient;
import io.polymart.core.client.CartClient;
import io.polymart.core.client.CatalogStockClient;
import io.polymart.core.db.Migrations;
import io.polymart.core.db.PgSettings;
import io.polymart.core.db.ReadReplicas;
import io.polymart.core.db.RecentWriters;
import io.polymart.core.outbox.Outbox;
import io.polymart.core.outbox.OutboxRelay;
import io.polymart.core.outbox.OutboxTransactions;
import io.polymart.core.redis.RedisClients;
import io.polymart.core.sweep.Sweeper;
import io.polymart.orders.checkout.CheckoutService;
import io.polymart.orders.coupon.CouponRepository;
import io.polymart.orders.coupon.CouponService;
import io.polymart.orders.lifecycle.LifecycleService;
import io.polymart.orders.lifecycle.PaymentTimeouts;
import io.polymart.orders.order.OrderRepository;
import io.polymart.orders.order.SalesReport;
import io.polymart.orders.order.Transitions;
import io.polymart.orders.payment.PaymentProvider;
import io.polymart.orders.payment.PaymentReconciler;
import io.polymart.orders.payment.PaymentRepository;
import io.polymart.orders.payment.PaymentService;
import io.polymart.orders.payment.Refunds;
import io.polymart.orders.payment.SandboxProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.polymart.core.metrics.Meters;
import io.polymart.orders.payment.PaymentOutcomes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.util.Map;

/** Wires checkout, the order lifecycle, coupons and payments to their event-bus addresses. */
public final class OrdersVerticle extends VerticleBase {
  public static final String SCHEMA = "orders";
  private static final String REDIS_PREFIX = "orders:";
  private Pool pool;
  private SqlClient reads;
  private ReadReplicas replicas;
  private RedisAPI redis;
  private OutboxRelay relay;
  private Sweeper timeouts;
  private Sweeper reconciliation;
  private SandboxProvider sandbox;

  @Override
  public Future<?> start() {
    OrdersSettings settings = OrdersSettings.from(config());
    PgSettings pg = PgSettings.from(config());
    pool = pg.poolOfConstantStatements(vertx, SCHEMA);
    reads = pg.readClient(vertx, SCHEMA);
    MeterRegistry meters = Meters.registry(config());
    relay = new OutboxRelay(vertx, pool, SCHEMA + ".outbox",
        config().getJsonObject("kafka").getString("bootstrapServers"), settings.outboxPollMillis(), meters);
    replicas = pg.readReplicas(vertx, reads, SCHEMA);
    RecentWriters writers = pg.recentWriters(() -> redis = RedisClients.api(vertx, config(), SCHEMA),
        REDIS_PREFIX + "wrote:");
    OutboxTransactions transactions = new OutboxTransactions(pool, new Outbox(SCHEMA + ".outbox"), relay::wakeUp,
        meters);
    OrderRepository orders = new OrderRepository(transactions, reads, replicas, writers, vertx.eventBus());
    CouponRepository couponRepository = new CouponRepository(pool, reads);
    PaymentRepository paymentRepository = new PaymentRepository(pool);
    BusClient bus = BusClient.create(vertx, config());
    CatalogStockClient stock = new CatalogStockClient(bus);
    Transitions transitions = new Transitions(orders);
    sandbox = settings.sandbox().provider(vertx, pool);
    Map<String, PaymentProvider> providers = Map.of(sandbox.name(), sandbox);
    Refunds refunds = new Refunds(paymentRepository, providers);

    CheckoutService checkout = new CheckoutService(vertx, orders, couponRepository, stock, new AddressesClient(bus),
        new CartClient(bus), settings.shipping(), settings.currency(), settings.paymentTimeoutSeconds());
    LifecycleService lifecycle = new LifecycleService(orders, transitions, stock, couponRepository, refunds);
    PaymentService payments = new PaymentService(orders, paymentRepository, transitions, refunds, stock,
        couponRepository, providers, sandbox, new PaymentOutcomes(meters));
    CouponService coupons = new CouponService(couponRepository, transactions);
    PaymentReconciler reconciler = new PaymentReconciler(paymentRepository, payments, providers,
        settings.reconcileAfterSeconds());
    timeouts = new Sweeper(vertx, "unpaid orders cancelled past their payment time",
        settings.sweepIntervalSeconds() * 1000L, PaymentTimeouts.SWEEP_BATCH,
        new PaymentTimeouts(orders, lifecycle, reconciler)::cancelExpired);
    reconciliation = new Sweeper(vertx, "payments without a webhook checked with their provider",
        settings.reconcileIntervalSeconds() * 1000L, PaymentReconciler.SWEEP_BATCH, reconciler::reconcileStale);
    BusServer server = new OrdersBindings(checkout, orders, lifecycle, payments, coupons, writers,
        new SalesReport(reads, settings.currency()))
        .bind(new BusServer(vertx, meters));

    return Migrations.apply(vertx, pg, SCHEMA)
        .compose(v -> server.ready())
        .compose(v -> relay.start())
        .onSuccess(v -> {
          timeouts.start();
          reconciliation.start();
        });
  }

  @Override
  public Future<?> stop() {
    if (timeouts != null) {
      timeouts.stop();
      reconciliation.stop();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    Future<Void> relayStopped = relay == null ? Future.succeededFuture() : relay.stop();
    if (redis != null) {
      redis.close();
    }
    return relayStopped
        .compose(v -> replicas == null ? Future.succeededFuture() : replicas.close())
        .compose(v -> reads == null ? Future.succeededFuture() : reads.close())
        .compose(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
