package io.polymart.orders.coupon;

import io.polymart.core.bus.Paging;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Coupons and the users' claims on them. Claiming locks the coupon row, so the total quantity and the per-user limit
 * hold however many claims race: each claim counts under the lock and commits before the next one counts.
 */
public final class CouponRepository {
  private static final String ADMIN_COLUMNS = Coupon.COLUMNS + ", created_at";
  private static final String INSERT = """
      INSERT INTO orders.coupons (id, code, type, value, max_discount, min_spend, starts_at, ends_at,
        total_quantity, per_user_limit, created_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      RETURNING\s""" + ADMIN_COLUMNS;
  private static final String PAGE = "SELECT " + ADMIN_COLUMNS + """
      , count(*) OVER () AS total FROM orders.coupons
      ORDER BY created_at DESC, id LIMIT $1 OFFSET $2""";
  private static final String COUNT = "SELECT count(*) FROM orders.coupons";
  /** The user's claims, newest first; {@code $2} narrows to one. */
  private static final String CLAIMS = """
      SELECT uc.id AS claim_id, uc.status, uc.order_id, uc.claimed_at,
        uc.status = 'AVAILABLE' AND c.ends_at <= now() AS expired, %s
      FROM orders.user_coupons uc JOIN orders.coupons c ON c.id = uc.coupon_id
      WHERE uc.user_id = $1 AND ($2::uuid IS NULL OR uc.id = $2)
      ORDER BY uc.claimed_at DESC, uc.id LIMIT 500""".formatted(Coupon.columns("c"));
  private static final String LOCK = "SELECT " + Coupon.COLUMNS + " FROM orders.coupons WHERE code = $1 FOR UPDATE";
  private static final String COUNT_CLAIMS = """
      SELECT count(*) FROM orders.user_coupons WHERE coupon_id = $1 AND user_id = $2""";
  private static final String INSERT_CLAIM = """
      WITH counted AS (UPDATE orders.coupons SET claimed = claimed + 1 WHERE id = $2)
      INSERT INTO orders.user_coupons (id, coupon_id, user_id, status) VALUES ($1, $2, $3, 'AVAILABLE')""";
  private static final String LOCK_UNUSED_CLAIM = """
      SELECT uc.id FROM orders.user_coupons uc JOIN orders.coupons c ON c.id = uc.coupon_id
      WHERE c.code = $1 AND uc.user_id = $2 AND uc.status = 'AVAILABLE' ORDER BY uc.claimed_at, uc.id
      LIMIT 1 FOR UPDATE OF uc SKIP LOCKED""";
  private static final String COUPON_OF_CLAIM = "SELECT " + Coupon.columns("c")
      + " FROM orders.coupons c JOIN orders.user_coupons uc ON uc.coupon_id = c.id WHERE uc.id = $1";
  private static final String USE_CLAIM = """
      UPDATE orders.user_coupons SET status = 'USED', order_id = $2, used_at = now() WHERE id = $1""";
  private static final String PRECHECK = """
      SELECT now() >= c.starts_at AND now() < c.ends_at AS active,
        c.claimed < c.total_quantity OR EXISTS (SELECT 1 FROM orders.user_coupons uc WHERE uc.coupon_id = c.id
          AND uc.user_id = $2 AND uc.status = 'AVAILABLE') AS usable
      FROM orders.coupons c WHERE c.code = $1""";
  private static final String GIVE_BACK = """
      UPDATE orders.user_coupons SET status = 'AVAILABLE', order_id = NULL, used_at = NULL
      WHERE id = $1 AND status = 'USED'""";

  /** A coupon applied to an order: the claim it used and the discount. */
  public record Applied(UUID userCouponId, String code, BigDecimal discount) {
  }

  private final Pool pool;
  private final SqlClient reads;

  public CouponRepository(Pool pool, SqlClient reads) {
    this.pool = pool;
    this.reads = reads;
  }

  /** Fails on {@code coupons_code_key} when the code is taken. */
  Future<JsonObject> create(SqlClient tx, NewCoupon coupon, UUID createdBy) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {UUID.randomUUID(), coupon.code(), coupon.type(), coupon.value(),
            coupon.maxDiscount(), coupon.minSpend(), coupon.startsAt(), coupon.endsAt(), coupon.totalQuantity(),
            coupon.perUserLimit(), createdBy}))
        .map(rows -> adminJson(rows.iterator().next()));
  }

  /** All coupons, newest first, as admins see them. */
  Future<JsonObject> page(Paging paging) {
    return pool.preparedQuery(PAGE)
        .execute(Tuple.of(paging.size(), paging.offset()))
        .compose(rows -> SqlSupport.countedPage(rows, paging, CouponRepository::adminJson,
            () -> SqlSupport.count(pool, COUNT, Tuple.tuple())));
  }

  /** The user's claims, newest first; {@code onlyClaim} narrows to one. */
  Future<JsonArray> claims(UUID userId, UUID onlyClaim) {
    return pool.preparedQuery(CLAIMS)
        .execute(Tuple.of(userId, onlyClaim))
        .map(rows -> {
          JsonArray items = new JsonArray();
          for (Row row : rows) {
            UUID orderId = row.getUUID("order_id");
            items.add(couponJson(row).put("id", row.getUUID("claim_id").toString())
                .put("status", row.getBoolean("expired") ? "EXPIRED" : row.getString("status"))
                .put("orderId", orderId == null ? null : orderId.toString())
                .put("claimedAt", row.getOffsetDateTime("claimed_at").toInstant().toString()));
          }
          return items;
        });
  }

  /** Claims the coupon for the user in a transaction of its own; answers the claim's id. */
  Future<UUID> claim(String code, UUID userId) {
    return pool.withTransaction(tx -> claim(tx, code, userId));
  }

  /** Claims the coupon for the user; answers the claim's id. */
  private Future<UUID> claim(SqlConnection tx, String code, UUID userId) {
    return lockCoupon(tx, code).compose(coupon -> {
      if (!coupon.activeAt(OffsetDateTime.now(ZoneOffset.UTC))) {
        throw ServiceException.unprocessable("COUPON_NOT_ACTIVE", "Coupon " + code + " is not valid now");
      }
      if (coupon.claimed() >= coupon.totalQuantity()) {
        throw ServiceException.conflict("COUPON_EXHAUSTED", "Coupon " + code + " has run out");
      }
      return SqlSupport.count(tx, COUNT_CLAIMS, Tuple.of(coupon.id(), userId))
          .compose(claims -> {
            if (claims >= coupon.perUserLimit()) {
              throw ServiceException.conflict("COUPON_LIMIT_REACHED",
                  "You have already claimed coupon " + code + " " + coupon.perUserLimit() + " time(s)");
            }
            UUID claimId = UUID.randomUUID();
            return tx.preparedQuery(INSERT_CLAIM)
                .execute(Tuple.of(claimId, coupon.id(), userId))
                .map(claimId);
          });
    });
  }

  /**
   * Uses one of the user's unused claims on {@code code} for the order, claiming one first if there is none, and
   * answers the discount on {@code subtotal}. 422 when the coupon is not valid now or the subtotal is too low.
   */
  public Future<Applied> use(SqlConnection tx, String code, UUID userId, UUID orderId, BigDecimal subtotal) {
    return tx.preparedQuery(LOCK_UNUSED_CLAIM)
        .execute(Tuple.of(code, userId))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(rows.iterator().next().getUUID("id"))
            : claim(tx, code, userId))
        .compose(claimId -> tx.preparedQuery(COUPON_OF_CLAIM)
            .execute(Tuple.of(claimId))
            .compose(rows -> {
              Coupon coupon = Coupon.from(rows.iterator().next());
              if (!coupon.activeAt(OffsetDateTime.now(ZoneOffset.UTC))) {
                throw ServiceException.unprocessable("COUPON_NOT_ACTIVE", "Coupon " + code + " is not valid now");
              }
              if (subtotal.compareTo(coupon.minSpend()) < 0) {
                throw ServiceException.unprocessable("COUPON_MIN_SPEND", "Coupon " + code + " needs a subtotal of "
                    + Money.format(coupon.minSpend()) + " or more");
              }
              return tx.preparedQuery(USE_CLAIM).execute(Tuple.of(claimId, orderId))
                  .map(done -> new Applied(claimId, coupon.code(), coupon.discountOn(subtotal)));
            }));
  }

  /**
   * A quick look before checkout reserves any stock: a coupon that cannot be used fails the order early. Only
   * {@link #use} inside the order's transaction decides for sure.
   */
  public Future<Void> precheck(String code, UUID userId) {
    return reads.preparedQuery(PRECHECK)
        .execute(Tuple.of(code, userId))
        .map(rows -> {
          if (rows.size() == 0) {
            throw ServiceException.unprocessable("COUPON_NOT_FOUND", "There is no coupon " + code);
          }
          Row row = rows.iterator().next();
          if (!row.getBoolean("active")) {
            throw ServiceException.unprocessable("COUPON_NOT_ACTIVE", "Coupon " + code + " is not valid now");
          }
          if (!row.getBoolean("usable")) {
            throw ServiceException.conflict("COUPON_EXHAUSTED", "Coupon " + code + " has run out");
          }
          return null;
        });
  }

  /** A cancelled order gives its coupon back to the user, who may use it again. */
  public Future<Void> giveBack(SqlConnection tx, UUID userCouponId) {
    if (userCouponId == null) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(GIVE_BACK)
        .execute(Tuple.of(userCouponId))
        .mapEmpty();
  }

  private Future<Coupon> lockCoupon(SqlConnection tx, String code) {
    return tx.preparedQuery(LOCK)
        .execute(Tuple.of(code))
        .map(rows -> {
          if (rows.size() == 0) {
            throw ServiceException.unprocessable("COUPON_NOT_FOUND", "There is no coupon " + code);
          }
          return Coupon.from(rows.iterator().next());
        });
  }

  private static JsonObject couponJson(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("code", row.getString("code"))
        .put("type", row.getString("type"))
        .put("value", row.getString("value"))
        .put("maxDiscount", row.getString("max_discount"))
        .put("minSpend", row.getString("min_spend"))
        .put("startsAt", row.getOffsetDateTime("starts_at").toInstant().toString())
        .put("endsAt", row.getOffsetDateTime("ends_at").toInstant().toString());
  }

  private static JsonObject adminJson(Row row) {
    return couponJson(row)
        .put("totalQuantity", row.getInteger("total_quantity"))
        .put("claimed", row.getInteger("claimed"))
        .put("perUserLimit", row.getInteger("per_user_limit"))
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString());
  }
}
