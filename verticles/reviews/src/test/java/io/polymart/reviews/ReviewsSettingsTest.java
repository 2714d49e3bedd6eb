package io.polymart.reviews;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewsSettingsTest {
  @Test
  void theDefaultsRequireAPurchase() {
    assertThat(ReviewsSettings.from(ConfigLoader.defaults())).isEqualTo(new ReviewsSettings(true, true, 3, false,
        new ReviewsSettings.RateLimits(3600, 30, 300, 30, 60)));
  }

  @Test
  void theDemoReviewsAreNotForProduction() {
    JsonObject production = ConfigLoader.defaults().put("mode", "production");
    production.getJsonObject("reviews").getJsonObject("demo").put("enabled", true);
    assertThatThrownBy(() -> ReviewsSettings.from(production)).isInstanceOf(ConfigException.class)
        .hasMessage("Configuration key 'reviews.demo.enabled' must be false in production mode");
  }

  @Test
  void aRateLimitOutOfRangeNamesTheKey() {
    JsonObject conf = ConfigLoader.defaults();
    conf.getJsonObject("reviews").getJsonObject("rateLimit").put("votesPerUser", 0);
    assertThatThrownBy(() -> ReviewsSettings.from(conf)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("reviews.rateLimit.votesPerUser");
  }

  @Test
  void anAdminMayLetAnySignedInUserReview() {
    JsonObject open = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_REVIEWS_REQUIRE_PURCHASE", "false"));
    assertThat(ReviewsSettings.from(open).requirePurchase()).isFalse();
  }

  @Test
  void aValueThatIsNoBooleanNamesTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("POLYMART_REVIEWS_REQUIRE_PURCHASE", "yes")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'reviews.requirePurchase'");
    JsonObject text = ConfigLoader.defaults();
    text.getJsonObject("reviews").put("requirePurchase", "yes");
    assertThatThrownBy(() -> ReviewsSettings.from(text)).isInstanceOf(ConfigException.class)
        .hasMessage("Configuration key 'reviews.requirePurchase' must be a boolean, got yes");
  }
}
