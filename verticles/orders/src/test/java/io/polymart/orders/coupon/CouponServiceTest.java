package io.polymart.orders.coupon;

import io.polymart.core.bus.Paging;
import io.polymart.core.audit.AuditActor;
import io.polymart.core.db.Migrations;
import io.polymart.core.outbox.Outbox;
import io.polymart.core.outbox.OutboxTransactions;
import io.polymart.core.db.PgSettings;
import io.polymart.core.error.ServiceException;
import io.polymart.testing.Await;
import io.polymart.testing.TestBackends;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coupon rules, called with typed arguments against the real PostgreSQL, without a bus. */
class CouponServiceTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static Vertx vertx;
  private static Pool pool;
  private static CouponService coupons;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    PgSettings pg = PgSettings.from(TestBackends.config());
    Await.result(Migrations.apply(vertx, pg, "orders"), TIMEOUT);
    pool = pg.pool(vertx, "test");
    coupons = new CouponService(new CouponRepository(pool, pool),
        new OutboxTransactions(pool, new Outbox("orders.outbox"), () -> { }));
  }

  /** Best effort, as the other module tests do: a slow close must not fail the rules checked above. */
  @AfterAll
  static void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
        .exceptionally(e -> null).join();
  }

  @Test
  void aCouponCodeIsUniqueAndListedForAdmins() {
    String code = code();
    JsonObject created = await(coupons.create(fixed(code, 5, 1), admin()));
    assertThat(created.getString("code")).isEqualTo(code);
    assertThat(created.getString("value")).isEqualTo("10.00");
    assertThat(created.getInteger("totalQuantity")).isEqualTo(5);
    assertThat(created.getInteger("claimed")).isZero();

    JsonObject audit = await(pool.preparedQuery("""
            SELECT payload FROM orders.outbox WHERE topic = 'polymart.audit' AND aggregate_id = $1""")
        .execute(io.vertx.sqlclient.Tuple.of("coupon:" + created.getString("id")))
        .map(rows -> (JsonObject) rows.iterator().next().getValue("payload")));
    assertThat(audit.getString("type")).isEqualTo("AuditRecorded");
    assertThat(audit.getJsonObject("data").getString("action")).isEqualTo("coupon.create");
    assertThat(audit.getJsonObject("data").getValue("oldValue")).isNull();
    assertThat(audit.getJsonObject("data").getJsonObject("newValue").getString("code")).isEqualTo(code);
    assertThat(audit.getJsonObject("data").getString("clientIp")).isEqualTo("203.0.113.1");

    assertThatThrownBy(() -> await(coupons.create(fixed(code, 1, 1), admin())))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.code()).isEqualTo("COUPON_EXISTS");
        });
    JsonArray page = await(coupons.list(new Paging(1, 100))).getJsonArray("items");
    assertThat(page.stream().map(JsonObject.class::cast).map(c -> c.getString("code"))).contains(code);
  }

  @Test
  void claimsRespectThePerUserLimitAndTheTotalQuantity() {
    String code = code();
    await(coupons.create(fixed(code, 2, 1), admin()));
    UUID first = UUID.randomUUID();
    JsonObject claim = await(coupons.claim(code, first));
    assertThat(claim.getString("code")).isEqualTo(code);
    assertThat(claim.getString("status")).isEqualTo("AVAILABLE");

    assertFails(() -> coupons.claim(code, first), 409, "COUPON_LIMIT_REACHED");
    await(coupons.claim(code, UUID.randomUUID()));
    assertFails(() -> coupons.claim(code, UUID.randomUUID()), 409, "COUPON_EXHAUSTED");

    JsonArray mine = await(coupons.mine(first)).getJsonArray("items");
    assertThat(mine).hasSize(1);
    assertThat(mine.getJsonObject(0).getString("id")).isEqualTo(claim.getString("id"));
  }

  @Test
  void unknownOrMalformedCodesAreNotFound() {
    assertFails(() -> coupons.claim("NO-SUCH-" + code(), UUID.randomUUID()), 422, "COUPON_NOT_FOUND");
    assertFails(() -> coupons.claim("lower case", UUID.randomUUID()), 422, "COUPON_NOT_FOUND");
  }

  @Test
  void aCouponOutsideItsDatesCannotBeClaimed() {
    String code = code();
    OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
    await(coupons.create(NewCoupon.from(new JsonObject().put("code", code).put("type", "PERCENT").put("value", "10")
        .put("startsAt", later.toString()).put("endsAt", later.plusDays(1).toString()).put("totalQuantity", 3)),
        admin()));
    assertFails(() -> coupons.claim(code, UUID.randomUUID()), 422, "COUPON_NOT_ACTIVE");
  }

  private static NewCoupon fixed(String code, int total, int perUser) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return NewCoupon.from(new JsonObject().put("code", code).put("type", "FIXED").put("value", "10.00")
        .put("startsAt", now.minusDays(1).toString()).put("endsAt", now.plusDays(1).toString())
        .put("totalQuantity", total).put("perUserLimit", perUser));
  }

  private static String code() {
    return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
  }

  private static <T> T await(Future<T> future) {
    return Await.result(future, TIMEOUT);
  }

  private static void assertFails(java.util.function.Supplier<Future<?>> call, int status, String code) {
    assertThatThrownBy(() -> await(call.get())).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.code()).isEqualTo(code);
    });
  }

  private static AuditActor admin() {
    return new AuditActor(UUID.randomUUID(), "203.0.113.1", null);
  }
}
