package io.polymart.recommendations;

import io.polymart.core.config.ConfigException;
import io.polymart.testing.TestBackends;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecommendationsSettingsTest {

  @Test
  void theDefaultsOfConfPolymartJson() {
    RecommendationsSettings settings = RecommendationsSettings.from(TestBackends.config());
    assertThat(settings.neighboursPerItem()).isEqualTo(100);
    assertThat(settings.activityPerUser()).isEqualTo(50);
    assertThat(settings.sessionWindow()).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.pairHalfLife()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.weight(ActivityKind.PURCHASE)).isEqualTo(5);
    assertThat(settings.demo()).isFalse();
  }

  @Test
  void theDemoShoppersAreRefusedInProductionMode() {
    JsonObject conf = TestBackends.config();
    conf.getJsonObject("recommendations").getJsonObject("demo").put("enabled", true);
    assertThat(RecommendationsSettings.from(conf).demo()).isTrue();
    conf.put("mode", "production");
    assertThatThrownBy(() -> RecommendationsSettings.from(conf)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'recommendations.demo.enabled' must be false in production mode");
  }

  @Test
  void aMissingSectionOrAValueOutOfRangeNamesItsKey() {
    JsonObject conf = TestBackends.config();
    conf.remove("recommendations");
    assertThatThrownBy(() -> RecommendationsSettings.from(conf)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'recommendations'");
    JsonObject bad = TestBackends.config();
    bad.getJsonObject("recommendations").put("pairHalfLifeDays", 1);
    assertThatThrownBy(() -> RecommendationsSettings.from(bad)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("recommendations.pairHalfLifeDays");
    JsonObject weights = TestBackends.config();
    weights.getJsonObject("recommendations").getJsonObject("weights").put("view", 0);
    assertThatThrownBy(() -> RecommendationsSettings.from(weights)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("recommendations.weights.view");
  }
}
