package io.polymart.cart;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cart's conf, checked where it is read (these ranges used to live in core's ConfigRules). */
class CartSettingsTest {
  @Test
  void rangesAreCheckedNamingTheKey() {
    for (Map.Entry<String, String> bad : Map.of("POLYMART_CART_MAX_QUANTITY_PER_LINE", "0",
        "POLYMART_CART_MAX_LINES", "101", "POLYMART_CART_TTL_DAYS", "0").entrySet()) {
      JsonObject cart = ConfigLoader.load(Optional.empty(), Map.of(bad.getKey(), bad.getValue()));
      assertThatThrownBy(() -> CartSettings.from(cart)).as(bad.getKey()).isInstanceOf(ConfigException.class)
          .hasMessageContaining("'cart.");
    }
    CartSettings.from(ConfigLoader.load(Optional.empty(), Map.of("POLYMART_CART_MAX_LINES", "100",
        "POLYMART_CURRENCY", "EUR")));
  }

  @Test
  void messagesNameTheKeyItsRangeAndTheValue() {
    JsonObject tooMany = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_CART_MAX_LINES", "101"));
    assertThatThrownBy(() -> CartSettings.from(tooMany))
        .hasMessage("Configuration key 'cart.maxLines' must be between 1 and 100, got 101");
    JsonObject tooLong = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_CART_TTL_DAYS", "366"));
    assertThatThrownBy(() -> CartSettings.from(tooLong))
        .hasMessage("Configuration key 'cart.ttlDays' must be between 1 and 365, got 366");
  }

  @Test
  void theDefaultsGiveTheDocumentedRules() {
    CartSettings settings = CartSettings.from(ConfigLoader.defaults());
    assertThat(settings).isEqualTo(new CartSettings(99, 50, 30L * 24 * 3600, "USD"));
  }
}
