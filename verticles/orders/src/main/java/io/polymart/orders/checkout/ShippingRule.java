package io.polymart.orders.checkout;

import io.polymart.core.money.Money;
import io.polymart.orders.order.Quote;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/** {@code orders.shipping}: a flat fee, waived when the discounted subtotal reaches {@code freeOver}. */
public record ShippingRule(BigDecimal fee, BigDecimal freeOver) {

  public static ShippingRule from(JsonObject shipping) {
    return new ShippingRule(Money.of(shipping.getString("fee")), Money.of(shipping.getString("freeOver")));
  }

  public BigDecimal feeFor(BigDecimal discountedSubtotal) {
    return discountedSubtotal.compareTo(freeOver) >= 0 ? BigDecimal.ZERO.setScale(2) : fee;
  }

  public Quote quote(BigDecimal subtotal, BigDecimal discount) {
    BigDecimal shipping = feeFor(subtotal.subtract(discount));
    return new Quote(subtotal, discount, shipping, subtotal.subtract(discount).add(shipping));
  }
}
