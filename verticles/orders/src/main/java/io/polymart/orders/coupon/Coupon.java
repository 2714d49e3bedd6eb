package io.polymart.orders.coupon;

import io.polymart.core.money.Money;
import io.vertx.sqlclient.Row;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

/** A coupon's rules: FIXED takes {@code value} off, PERCENT takes {@code value}% off up to {@code maxDiscount}. */
public record Coupon(UUID id, String code, String type, BigDecimal value, BigDecimal maxDiscount, BigDecimal minSpend,
    OffsetDateTime startsAt, OffsetDateTime endsAt, int totalQuantity, int claimed, int perUserLimit) {

  /** What a coupon code looks like. */
  public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,39}");
  static final String COLUMNS = columns("coupons");

  /** The columns {@link #from} reads, of the coupons table under {@code alias}. */
  static String columns(String alias) {
    String c = alias + ".";
    return c + "id, " + c + "code, " + c + "type, " + c + "value::text AS value, " + c + "max_discount::text AS "
        + "max_discount, " + c + "min_spend::text AS min_spend, " + c + "starts_at, " + c + "ends_at, "
        + c + "total_quantity, " + c + "claimed, " + c + "per_user_limit";
  }

  static Coupon from(Row row) {
    String maxDiscount = row.getString("max_discount");
    return new Coupon(row.getUUID("id"), row.getString("code"), row.getString("type"),
        Money.of(row.getString("value")), maxDiscount == null ? null : Money.of(maxDiscount),
        Money.of(row.getString("min_spend")), row.getOffsetDateTime("starts_at"), row.getOffsetDateTime("ends_at"),
        row.getInteger("total_quantity"), row.getInteger("claimed"), row.getInteger("per_user_limit"));
  }

  public boolean activeAt(OffsetDateTime time) {
    return !time.isBefore(startsAt) && time.isBefore(endsAt);
  }

  /** The discount on {@code subtotal}: never more than the subtotal, percentages rounded half up to the cent. */
  public BigDecimal discountOn(BigDecimal subtotal) {
    BigDecimal discount = type.equals("FIXED") ? value
        : subtotal.multiply(value).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    if (maxDiscount != null) {
      discount = discount.min(maxDiscount);
    }
    return discount.min(subtotal);
  }
}
