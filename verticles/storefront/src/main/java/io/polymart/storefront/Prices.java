package io.polymart.storefront;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/** Amounts as shoppers read them ({@code "3599.00"} in USD is {@code $3,599.00}), exactly: no double on the way. */
final class Prices {
  private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£", "CNY", "¥",
      "JPY", "¥");
  private final String prefix;

  Prices(String currency) {
    this.prefix = SYMBOLS.getOrDefault(currency, currency + " ");
  }

  /** The amount with the currency and grouped thousands; empty for a null amount (a price not known yet). */
  String format(String amount) {
    if (amount == null) {
      return "";
    }
    // DecimalFormat is not thread-safe; one a call costs less than a page's lookups
    DecimalFormat grouped = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    grouped.setParseBigDecimal(true);
    return prefix + grouped.format(new BigDecimal(amount));
  }
}
