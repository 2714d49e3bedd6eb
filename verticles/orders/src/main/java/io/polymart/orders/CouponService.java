package io.polymart.orders;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.Paging;
import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.polymart.core.db.SqlSupport.mapConflicts;

/** Admins create coupons; users claim them and see their own. Using one happens at checkout ({@link CouponStore}). */
final class CouponService {
  static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,39}");
  private static final String ADMIN_COLUMNS = Coupon.COLUMNS + ", created_at";
  private final Pool pool;
  private final CouponStore coupons;

  CouponService(Pool pool, CouponStore coupons) {
    this.pool = pool;
    this.coupons = coupons;
  }

  Future<JsonObject> create(BusRequest request) {
    request.requireRole("admin");
    JsonObject body = request.body();
    FieldErrors errors = new FieldErrors();
    String code = body.getValue("code") instanceof String text ? text : null;
    errors.check(code != null && CODE.matcher(code).matches(), "code",
        "must be 3 to 40 upper-case letters, digits, '-' or '_'");
    String type = body.getValue("type") instanceof String text ? text : null;
    errors.check("FIXED".equals(type) || "PERCENT".equals(type), "type", "must be FIXED or PERCENT");
    BigDecimal value = amount(errors, "value", body.getValue("value"), true);
    BigDecimal maxDiscount = body.getValue("maxDiscount") == null ? null
        : amount(errors, "maxDiscount", body.getValue("maxDiscount"), true);
    BigDecimal minSpend = body.getValue("minSpend") == null ? BigDecimal.ZERO.setScale(2)
        : amount(errors, "minSpend", body.getValue("minSpend"), false);
    OffsetDateTime startsAt = time(errors, "startsAt", body.getValue("startsAt"));
    OffsetDateTime endsAt = time(errors, "endsAt", body.getValue("endsAt"));
    Integer totalQuantity = whole(errors, "totalQuantity", body.getValue("totalQuantity"), 1, 1_000_000, null);
    Integer perUserLimit = whole(errors, "perUserLimit", body.getValue("perUserLimit"), 1, 100, 1);
    if (value != null && "PERCENT".equals(type)) {
      errors.check(value.compareTo(BigDecimal.valueOf(100)) <= 0, "value", "must be at most 100 for a PERCENT coupon");
    }
    if (maxDiscount != null && "FIXED".equals(type)) {
      errors.add("maxDiscount", "applies to PERCENT coupons only");
    }
    if (startsAt != null && endsAt != null) {
      errors.check(endsAt.isAfter(startsAt), "endsAt", "must be after startsAt");
    }
    errors.throwIfAny();
    UUID id = UUID.randomUUID();
    Future<JsonObject> created = pool.preparedQuery("INSERT INTO orders.coupons (id, code, type, value, max_discount, "
            + "min_spend, starts_at, ends_at, total_quantity, per_user_limit, created_by) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING " + ADMIN_COLUMNS)
        .execute(Tuple.from(new Object[] {id, code, type, value, maxDiscount, minSpend, startsAt, endsAt,
            totalQuantity, perUserLimit, request.userUuid()}))
        .map(rows -> adminJson(rows.iterator().next()));
    return mapConflicts(created, Map.of("coupons_code_key",
        ServiceException.conflict("COUPON_EXISTS", "A coupon with code " + code + " already exists")));
  }

  Future<JsonObject> list(BusRequest request) {
    request.requireRole("admin");
    Paging paging = Paging.from(request);
    return pool.preparedQuery("SELECT " + ADMIN_COLUMNS + ", count(*) OVER () AS total FROM orders.coupons "
            + "ORDER BY created_at DESC, id LIMIT $1 OFFSET $2")
        .execute(Tuple.of(paging.size(), paging.offset()))
        .map(rows -> {
          JsonArray items = new JsonArray();
          long total = 0;
          for (Row row : rows) {
            items.add(adminJson(row));
            total = row.getLong("total");
          }
          return paging.page(items, total);
        });
  }

  Future<JsonObject> claim(BusRequest request) {
    String code = request.param("code");
    if (code == null || !CODE.matcher(code).matches()) {
      throw ServiceException.unprocessable("COUPON_NOT_FOUND", "There is no coupon " + code);
    }
    UUID userId = request.userUuid();
    return pool.withTransaction(tx -> coupons.claim(tx, code, userId))
        .compose(claimId -> mine(userId, claimId))
        .map(items -> items.getJsonObject(0));
  }

  Future<JsonObject> mine(BusRequest request) {
    return mine(request.userUuid(), null).map(items -> new JsonObject().put("items", items));
  }

  /** The user's claims, newest first; {@code onlyClaim} narrows to one. */
  private Future<JsonArray> mine(UUID userId, UUID onlyClaim) {
    return pool.preparedQuery("SELECT uc.id AS claim_id, uc.status, uc.order_id, uc.claimed_at, "
            + "uc.status = 'AVAILABLE' AND c.ends_at <= now() AS expired, " + Coupon.columns("c")
            + " FROM orders.user_coupons uc JOIN orders.coupons c ON c.id = uc.coupon_id "
            + "WHERE uc.user_id = $1 AND ($2::uuid IS NULL OR uc.id = $2) ORDER BY uc.claimed_at DESC, uc.id LIMIT 500")
        .execute(Tuple.of(userId, onlyClaim))
        .map(rows -> {
          JsonArray items = new JsonArray();
          for (Row row : rows) {
            UUID orderId = row.getUUID("order_id");
            items.add(CouponStore.couponJson(row).put("id", row.getUUID("claim_id").toString())
                .put("status", row.getBoolean("expired") ? "EXPIRED" : row.getString("status"))
                .put("orderId", orderId == null ? null : orderId.toString())
                .put("claimedAt", row.getOffsetDateTime("claimed_at").toInstant().toString()));
          }
          return items;
        });
  }

  private static JsonObject adminJson(Row row) {
    return CouponStore.couponJson(row)
        .put("totalQuantity", row.getInteger("total_quantity"))
        .put("claimed", row.getInteger("claimed"))
        .put("perUserLimit", row.getInteger("per_user_limit"))
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString());
  }

  private static BigDecimal amount(FieldErrors errors, String field, Object value, boolean positive) {
    try {
      return positive ? Money.parsePositive(field, value) : Money.parseNonNegative(field, value);
    } catch (ServiceException e) {
      errors.add(field, positive ? "must be an amount greater than 0, like \"12.50\"" : "must be an amount like \"12.50\"");
      return null;
    }
  }

  private static OffsetDateTime time(FieldErrors errors, String field, Object value) {
    if (value instanceof String text) {
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    errors.add(field, "must be a date-time like \"2026-12-01T00:00:00Z\"");
    return null;
  }

  private static Integer whole(FieldErrors errors, String field, Object value, int min, int max, Integer fallback) {
    if (value == null && fallback != null) {
      return fallback;
    }
    if (value instanceof Integer number && number >= min && number <= max) {
      return number;
    }
    errors.add(field, "must be a whole number from " + min + " to " + max);
    return null;
  }
}
