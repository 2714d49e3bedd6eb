package io.polymart.core.money;

import io.polymart.core.error.ServiceException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {
  @Test
  void amountsAreExactWithTwoDecimals() {
    assertThat(Money.parsePositive("price", "12.5")).isEqualTo(new BigDecimal("12.50"));
    assertThat(Money.format(new BigDecimal("1299"))).isEqualTo("1299.00");
    assertThat(Money.parseNonNegative("minPrice", "0")).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void badAmountsNameTheField() {
    for (Object bad : new Object[] {"0", "0.00", "-1", "1.999", "1e3", "abc", 12.5, null}) {
      assertThatThrownBy(() -> Money.parsePositive("skus[0].price", bad))
          .isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.details().getJsonObject(0).getString("field")).isEqualTo("skus[0].price");
          });
    }
  }
}
