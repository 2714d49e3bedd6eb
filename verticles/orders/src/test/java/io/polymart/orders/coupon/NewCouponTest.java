package io.polymart.orders.coupon;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coupon body rules that a schema cannot say: how fields relate to each other. */
class NewCouponTest {
  private static JsonObject body() {
    return new JsonObject().put("code", "SPRING-10").put("type", "PERCENT").put("value", "10")
        .put("startsAt", "2026-03-01T00:00:00Z").put("endsAt", "2026-04-01T00:00:00Z").put("totalQuantity", 100);
  }

  @Test
  void defaultsFillTheOptionalFields() {
    NewCoupon coupon = NewCoupon.from(body());
    assertThat(coupon.minSpend()).isEqualByComparingTo("0.00");
    assertThat(coupon.perUserLimit()).isEqualTo(1);
    assertThat(coupon.maxDiscount()).isNull();
  }

  @Test
  void fieldsAreCheckedAgainstEachOther() {
    JsonObject bad = body().put("value", "150").put("endsAt", "2026-02-01T00:00:00Z");
    assertThatThrownBy(() -> NewCoupon.from(bad)).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.details().stream().map(JsonObject.class::cast).map(d -> d.getString("field")))
          .containsExactlyInAnyOrder("value", "endsAt");
    });
    JsonObject capOnFixed = body().put("type", "FIXED").put("maxDiscount", "5.00");
    assertThatThrownBy(() -> NewCoupon.from(capOnFixed)).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.details().getJsonObject(0).getString("field")).isEqualTo("maxDiscount"));
  }
}
