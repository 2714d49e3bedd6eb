package io.polymart.main;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigLoader;
import io.polymart.core.config.ConfigRules;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Main stops on a bad value of any module's conf section before anything starts, naming the key. */
class ModuleSettingsTest {

  @Test
  void theDefaultsPass() {
    ModuleSettings.check(ConfigRules.check(ConfigLoader.load(Optional.empty(), Map.of())));
  }

  @Test
  void aBadValueOfAnyModuleNamesItsKey() {
    Map<String, String> bad = Map.of(
        "POLYMART_USERS_BCRYPT_COST", "'users.bcryptCost'",
        "POLYMART_CATALOG_CACHE_TTL_SECONDS", "'catalog.cache.ttlSeconds'",
        "POLYMART_CART_MAX_LINES", "'cart.maxLines'",
        "POLYMART_ORDERS_SWEEP_INTERVAL_SECONDS", "'orders.sweepIntervalSeconds'");
    bad.forEach((variable, key) -> assertThatThrownBy(() -> ModuleSettings.check(
        ConfigRules.check(ConfigLoader.load(Optional.empty(), Map.of(variable, "0")))))
        .as(variable).isInstanceOf(ConfigException.class).hasMessageContaining(key));
  }

  @Test
  void theReviewsSectionIsCheckedToo() {
    JsonObject config = ConfigRules.check(ConfigLoader.load(Optional.empty(), Map.of()));
    config.getJsonObject("reviews").put("requirePurchase", "sometimes");
    assertThatThrownBy(() -> ModuleSettings.check(config)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'reviews.requirePurchase'");
  }

  @Test
  void theRecommendationsSectionIsCheckedToo() {
    assertThatThrownBy(() -> ModuleSettings.check(ConfigRules.check(ConfigLoader.load(Optional.empty(),
        Map.of("POLYMART_RECOMMENDATIONS_NEIGHBOURS_PER_ITEM", "0"))))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'recommendations.neighboursPerItem'");
  }
}
