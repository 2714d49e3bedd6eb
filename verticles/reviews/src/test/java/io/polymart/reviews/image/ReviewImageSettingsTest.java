package io.polymart.reviews.image;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewImageSettingsTest {
  @Test
  void theDefaults() {
    assertThat(ReviewImageSettings.from(ConfigLoader.defaults()))
        .isEqualTo(new ReviewImageSettings(5, 5_242_880, 40_000_000, 3600, 60, "/media/"));
  }

  @Test
  void theEnvironmentSetsThemAndUrlsFollowTheCatalogsMediaBase() {
    JsonObject conf = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_REVIEWS_MAX_IMAGES", "8",
        "POLYMART_REVIEWS_IMAGES_UNATTACHED_TTL_SECONDS", "600",
        "POLYMART_CATALOG_MEDIA_BASE_URL", "https://cdn.example.com"));
    ReviewImageSettings settings = ReviewImageSettings.from(conf);
    assertThat(settings.maxPerReview()).isEqualTo(8);
    assertThat(settings.unattachedTtlSeconds()).isEqualTo(600);
    assertThat(settings.mediaPrefix()).isEqualTo("https://cdn.example.com/media/");
  }

  @Test
  void aValueOutOfRangeNamesTheKey() {
    JsonObject none = ConfigLoader.defaults();
    none.getJsonObject("reviews").put("maxImages", 0);
    assertThatThrownBy(() -> ReviewImageSettings.from(none)).isInstanceOf(ConfigException.class)
        .hasMessage("Configuration key 'reviews.maxImages' must be a whole number between 1 and 50, got 0");
    JsonObject text = ConfigLoader.defaults();
    text.getJsonObject("reviews").getJsonObject("images").put("sweepIntervalSeconds", "often");
    assertThatThrownBy(() -> ReviewImageSettings.from(text)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'reviews.images.sweepIntervalSeconds'");
  }
}
