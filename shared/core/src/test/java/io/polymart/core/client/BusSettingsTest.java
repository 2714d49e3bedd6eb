package io.polymart.core.client;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigLoader;
import io.polymart.core.config.ConfigRules;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusSettingsTest {
  @Test
  void theTimeoutComesFromConfWithFifteenSecondsByDefault() {
    assertThat(BusSettings.from(ConfigLoader.defaults()).timeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(BusSettings.from(ConfigLoader.load(Optional.empty(), Map.of("POLYMART_BUS_TIMEOUT_SECONDS", "300")))
        .timeout()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void timeoutsOutsideOneToThreeHundredSecondsAreRefusedAtStart() {
    for (String bad : new String[] {"0", "301"}) {
      var config = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_BUS_TIMEOUT_SECONDS", bad));
      assertThatThrownBy(() -> BusSettings.from(config)).isInstanceOf(ConfigException.class)
          .hasMessage("Configuration key 'bus.timeoutSeconds' must be between 1 and 300, got " + bad);
      assertThatThrownBy(() -> ConfigRules.check(config)).hasMessageContaining("'bus.timeoutSeconds'");
    }
  }
}
