package io.polymart.catalog;

import io.polymart.core.error.ServiceException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Prices travel as strings with at most two decimals ("1299.00") and are exact BigDecimals inside. */
final class Money {
  private static final Pattern FORMAT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");

  private Money() {
  }

  /** A positive amount from a request field, or a 400 naming the field. */
  static BigDecimal parsePositive(String field, Object value) {
    if (!(value instanceof String text) || !FORMAT.matcher(text).matches()) {
      throw ServiceException.invalidField(field, "must be an amount like \"12.50\"");
    }
    BigDecimal amount = new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    if (amount.signum() <= 0) {
      throw ServiceException.invalidField(field, "must be greater than 0");
    }
    return amount;
  }

  /** Like {@link #parsePositive} for optional fields: absent or null is null. */
  static BigDecimal parseOptional(String field, Object value) {
    return value == null ? null : parsePositive(field, value);
  }

  /** A query parameter amount that may be zero. */
  static BigDecimal parseFilter(String parameter, String value) {
    if (!FORMAT.matcher(value).matches()) {
      throw ServiceException.invalidField(parameter, "must be an amount like \"12.50\"");
    }
    return new BigDecimal(value).setScale(2, RoundingMode.UNNECESSARY);
  }

  static String format(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }
}
