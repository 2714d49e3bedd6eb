package io.polymart.orders.order;

import java.math.BigDecimal;

/** An order's amounts: total = subtotal - discount + shipping fee. */
public record Quote(BigDecimal subtotal, BigDecimal discount, BigDecimal shippingFee, BigDecimal total) {
}
