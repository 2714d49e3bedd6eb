package io.polymart.users;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The users verticle's conf, checked where it is read (bcryptCost's range used to live in core's ConfigRules). */
class UsersSettingsTest {
  @Test
  void theDefaultsGiveTheDocumentedRules() {
    JsonObject defaults = ConfigLoader.defaults();
    UsersSettings settings = UsersSettings.from(defaults);
    assertThat(settings).isEqualTo(new UsersSettings(12, 20, new UsersSettings.RateLimits(60, 30, 5, 10, 3), "", "",
        defaults.getJsonObject("kafka").getString("bootstrapServers")));
  }

  @Test
  void bcryptCostMustBeTenToSixteen() {
    for (String bad : new String[] {"9", "17"}) {
      JsonObject config = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_USERS_BCRYPT_COST", bad));
      assertThatThrownBy(() -> UsersSettings.from(config)).isInstanceOf(ConfigException.class)
          .hasMessage("Configuration key 'users.bcryptCost' must be between 10 and 16, got " + bad);
    }
    JsonObject fastest = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_USERS_BCRYPT_COST", "10",
        "POLYMART_USERS_RATE_LIMIT_LOGIN_PER_IP", "7", "POLYMART_ADMIN_EMAIL", "root@shop.example"));
    UsersSettings settings = UsersSettings.from(fastest);
    assertThat(settings.bcryptCost()).isEqualTo(10);
    assertThat(settings.rateLimit().loginPerIp()).isEqualTo(7);
    assertThat(settings.adminEmail()).isEqualTo("root@shop.example");
  }
}
