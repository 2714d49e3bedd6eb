package io.polymart.orders.coupon;

import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A validated {@code POST /admin/coupons} body. */
public record NewCoupon(String code, String type, BigDecimal value, BigDecimal maxDiscount, BigDecimal minSpend,
    OffsetDateTime startsAt, OffsetDateTime endsAt, int totalQuantity, int perUserLimit) {

  public static NewCoupon from(JsonObject body) {
    FieldErrors errors = new FieldErrors();
    String code = body.getValue("code") instanceof String text ? text : null;
    errors.check(code != null && Coupon.CODE.matcher(code).matches(), "code",
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
    return new NewCoupon(code, type, value, maxDiscount, minSpend, startsAt, endsAt, totalQuantity, perUserLimit);
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
