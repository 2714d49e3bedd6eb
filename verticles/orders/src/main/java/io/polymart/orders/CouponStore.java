package io.polymart.orders;

import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
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
final class CouponStore {

  /** A coupon applied to an order: the claim it used and the discount. */
  record Applied(UUID userCouponId, String code, BigDecimal discount) {
  }

  /** Claims the coupon for the user; answers the claim's id. */
  Future<UUID> claim(SqlConnection tx, String code, UUID userId) {
    return lockCoupon(tx, code).compose(coupon -> {
      if (!coupon.activeAt(OffsetDateTime.now(ZoneOffset.UTC))) {
        throw ServiceException.unprocessable("COUPON_NOT_ACTIVE", "Coupon " + code + " is not valid now");
      }
      if (coupon.claimed() >= coupon.totalQuantity()) {
        throw ServiceException.conflict("COUPON_EXHAUSTED", "Coupon " + code + " has run out");
      }
      return tx.preparedQuery("SELECT count(*) FROM orders.user_coupons WHERE coupon_id = $1 AND user_id = $2")
          .execute(Tuple.of(coupon.id(), userId))
          .compose(count -> {
            if (count.iterator().next().getLong(0) >= coupon.perUserLimit()) {
              throw ServiceException.conflict("COUPON_LIMIT_REACHED",
                  "You have already claimed coupon " + code + " " + coupon.perUserLimit() + " time(s)");
            }
            UUID claimId = UUID.randomUUID();
            return tx.preparedQuery("WITH counted AS (UPDATE orders.coupons SET claimed = claimed + 1 WHERE id = $2) "
                    + "INSERT INTO orders.user_coupons (id, coupon_id, user_id, status) VALUES ($1, $2, $3, 'AVAILABLE')")
                .execute(Tuple.of(claimId, coupon.id(), userId))
                .map(claimId);
          });
    });
  }

  /**
   * Uses one of the user's unused claims on {@code code} for the order, claiming one first if there is none, and
   * answers the discount on {@code subtotal}. 422 when the coupon is not valid now or the subtotal is too low.
   */
  Future<Applied> use(SqlConnection tx, String code, UUID userId, UUID orderId, BigDecimal subtotal) {
    return tx.preparedQuery("SELECT uc.id FROM orders.user_coupons uc JOIN orders.coupons c ON c.id = uc.coupon_id "
            + "WHERE c.code = $1 AND uc.user_id = $2 AND uc.status = 'AVAILABLE' ORDER BY uc.claimed_at, uc.id "
            + "LIMIT 1 FOR UPDATE OF uc SKIP LOCKED")
        .execute(Tuple.of(code, userId))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(rows.iterator().next().getUUID("id"))
            : claim(tx, code, userId))
        .compose(claimId -> tx.preparedQuery("SELECT " + Coupon.columns("c")
                + " FROM orders.coupons c JOIN orders.user_coupons uc ON uc.coupon_id = c.id WHERE uc.id = $1")
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
              return tx.preparedQuery("UPDATE orders.user_coupons SET status = 'USED', order_id = $2, used_at = now() "
                      + "WHERE id = $1").execute(Tuple.of(claimId, orderId))
                  .map(done -> new Applied(claimId, coupon.code(), coupon.discountOn(subtotal)));
            }));
  }

  /**
   * A quick look before checkout reserves any stock: a coupon that cannot be used fails the order early. Only
   * {@link #use} inside the order's transaction decides for sure.
   */
  Future<Void> precheck(SqlClient sql, String code, UUID userId) {
    return sql.preparedQuery("SELECT now() >= c.starts_at AND now() < c.ends_at AS active, c.claimed < c.total_quantity "
            + "OR EXISTS (SELECT 1 FROM orders.user_coupons uc WHERE uc.coupon_id = c.id AND uc.user_id = $2 "
            + "AND uc.status = 'AVAILABLE') AS usable FROM orders.coupons c WHERE c.code = $1")
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
  Future<Void> giveBack(SqlConnection tx, UUID userCouponId) {
    if (userCouponId == null) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery("UPDATE orders.user_coupons SET status = 'AVAILABLE', order_id = NULL, used_at = NULL "
            + "WHERE id = $1 AND status = 'USED'")
        .execute(Tuple.of(userCouponId))
        .mapEmpty();
  }

  private Future<Coupon> lockCoupon(SqlConnection tx, String code) {
    return tx.preparedQuery("SELECT " + Coupon.COLUMNS + " FROM orders.coupons WHERE code = $1 FOR UPDATE")
        .execute(Tuple.of(code))
        .map(rows -> {
          if (rows.size() == 0) {
            throw ServiceException.unprocessable("COUPON_NOT_FOUND", "There is no coupon " + code);
          }
          return Coupon.from(rows.iterator().next());
        });
  }

  static JsonObject couponJson(Row row) {
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
}
