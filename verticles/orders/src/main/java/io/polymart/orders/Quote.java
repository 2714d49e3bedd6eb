package io.polymart.orders;

import java.math.BigDecimal;

/** An order's amounts: total = subtotal - discount + shipping fee. */
record Quote(BigDecimal subtotal, BigDecimal discount, BigDecimal shippingFee, BigDecimal total) {
}
