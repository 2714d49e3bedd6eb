package io.polymart.orders.checkout;

import io.polymart.orders.coupon.Coupon;
import io.polymart.orders.order.Quote;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PricingTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00Z");

  private static Coupon coupon(String type, String value, String cap) {
    return new Coupon(UUID.randomUUID(), "C", type, new BigDecimal(value), cap == null ? null : new BigDecimal(cap),
        new BigDecimal("0.00"), NOW.minusDays(1), NOW.plusDays(1), 10, 0, 1);
  }

  @Test
  void fixedCouponsTakeTheirValueButNeverMoreThanTheSubtotal() {
    assertThat(coupon("FIXED", "20.00", null).discountOn(new BigDecimal("150.00"))).isEqualByComparingTo("20.00");
    assertThat(coupon("FIXED", "20.00", null).discountOn(new BigDecimal("15.50"))).isEqualByComparingTo("15.50");
  }

  @Test
  void percentCouponsRoundHalfUpToTheCentAndRespectTheirCap() {
    assertThat(coupon("PERCENT", "15", null).discountOn(new BigDecimal("33.33"))).isEqualByComparingTo("5.00");
    assertThat(coupon("PERCENT", "10", null).discountOn(new BigDecimal("0.05"))).isEqualByComparingTo("0.01");
    assertThat(coupon("PERCENT", "50", "30.00").discountOn(new BigDecimal("100.00"))).isEqualByComparingTo("30.00");
  }

  @Test
  void couponsAreValidFromStartUntilJustBeforeTheirEnd() {
    Coupon coupon = coupon("FIXED", "1.00", null);
    assertThat(coupon.activeAt(coupon.startsAt())).isTrue();
    assertThat(coupon.activeAt(coupon.endsAt())).isFalse();
    assertThat(coupon.activeAt(coupon.startsAt().minusSeconds(1))).isFalse();
  }

  @Test
  void shippingIsFreeFromTheThresholdOnTheDiscountedSubtotal() {
    ShippingRule rule = new ShippingRule(new BigDecimal("10.00"), new BigDecimal("99.00"));
    Quote free = rule.quote(new BigDecimal("99.00"), new BigDecimal("0.00"));
    assertThat(free.shippingFee()).isEqualByComparingTo("0");
    assertThat(free.total()).isEqualByComparingTo("99.00");
    Quote charged = rule.quote(new BigDecimal("100.00"), new BigDecimal("1.01"));
    assertThat(charged.shippingFee()).isEqualByComparingTo("10.00");
    assertThat(charged.total()).isEqualByComparingTo("108.99");
  }
}
