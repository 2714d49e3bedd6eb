package io.polymart.orders.coupon;

import io.polymart.core.audit.AuditActor;
import io.polymart.core.bus.Paging;
import io.polymart.core.outbox.OutboxTransactions;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;

import static io.polymart.core.db.SqlSupport.mapConflicts;

/** Admins create coupons; users claim them and see their own. Using one happens at checkout ({@link CouponRepository}). */
public final class CouponService {
  private final CouponRepository coupons;
  private final OutboxTransactions transactions;

  public CouponService(CouponRepository coupons, OutboxTransactions transactions) {
    this.coupons = coupons;
    this.transactions = transactions;
  }

  /** Creates the coupon and its audit entry in one transaction. */
  public Future<JsonObject> create(NewCoupon coupon, AuditActor actor) {
    Future<JsonObject> created = transactions.run(tx -> coupons.create(tx.connection(), coupon, actor.userId())
        .map(json -> {
          tx.audit(actor, "coupon.create", "coupon:" + json.getString("id"), null, json.copy());
          return json;
        }));
    return mapConflicts(created, Map.of("coupons_code_key",
        ServiceException.conflict("COUPON_EXISTS", "A coupon with code " + coupon.code() + " already exists")));
  }

  public Future<JsonObject> list(Paging paging) {
    return coupons.page(paging);
  }

  public Future<JsonObject> claim(String code, UUID userId) {
    if (code == null || !Coupon.CODE.matcher(code).matches()) {
      throw ServiceException.unprocessable("COUPON_NOT_FOUND", "There is no coupon " + code);
    }
    return coupons.claim(code, userId)
        .compose(claimId -> coupons.claims(userId, claimId))
        .map(items -> items.getJsonObject(0));
  }

  public Future<JsonObject> mine(UUID userId) {
    return coupons.claims(userId, null).map(items -> new JsonObject().put("items", items));
  }
}
