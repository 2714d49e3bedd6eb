package io.polymart.core.money;

import io.polymart.core.error.ServiceException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Amounts travel as strings with at most two decimals ("1299.00") and are exact BigDecimals inside. */
public final class Money {
  private static final Pattern FORMAT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");

  private Money() {
  }

  /** A positive amount from a request field, or a 400 naming the field. */
  public static BigDecimal parsePositive(String field, Object value) {
    BigDecimal amount = parseNonNegative(field, value);
    if (amount.signum() <= 0) {
      throw ServiceException.invalidField(field, "must be greater than 0");
    }
    return amount;
  }

  /** An amount that may be zero, or a 400 naming the field. */
  public static BigDecimal parseNonNegative(String field, Object value) {
    if (!(value instanceof String text) || !FORMAT.matcher(text).matches()) {
      throw ServiceException.invalidField(field, "must be an amount like \"12.50\"");
    }
    return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** An amount from a trusted source (a reply, a column): any scale up to two decimals. */
  public static BigDecimal of(String text) {
    return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
  }

  public static String format(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }
}
