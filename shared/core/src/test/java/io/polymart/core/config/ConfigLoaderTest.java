package io.polymart.core.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void defaultsAreBundled() {
    JsonObject config = ConfigLoader.load(Optional.empty(), Map.of());
    assertThat(config.getJsonObject("http").getInteger("port")).isEqualTo(8080);
    assertThat(config.getString("mode")).isEqualTo("local");
  }

  @Test
  void fileOverridesDefaultsAndEnvironmentOverridesTheFile() throws IOException {
    Path file = write("{\"http\": {\"port\": 9000, \"corsOrigins\": [\"https://shop.example\"]}, \"pg\": {\"poolSize\": 6}}");

    JsonObject config = ConfigLoader.load(Optional.of(file), Map.of(
        "POLYMART_HTTP_PORT", "9100", "POLYMART_PG_URL", "postgresql://u:p@db:5432/shop",
        "POLYMART_HTTP_TRUST_FORWARDED_FOR", "true", "POLYMART_USERS_RATE_LIMIT_LOGIN_PER_IP", "7",
        "PATH", "/usr/bin"));

    assertThat(config.getJsonObject("http").getInteger("port")).isEqualTo(9100);
    assertThat(config.getJsonObject("http").getJsonArray("corsOrigins")).containsExactly("https://shop.example");
    assertThat(config.getJsonObject("http").getBoolean("trustForwardedFor")).isTrue();
    assertThat(config.getJsonObject("pg").getInteger("poolSize")).isEqualTo(6);
    assertThat(config.getJsonObject("pg").getString("url")).isEqualTo("postgresql://u:p@db:5432/shop");
    assertThat(config.getJsonObject("users").getJsonObject("rateLimit").getInteger("loginPerIp")).isEqualTo(7);
  }

  @Test
  void theProductionExampleIsAValidProductionConfiguration() {
    JsonObject config = ConfigRules.check(ConfigLoader.load(Optional.of(Path.of("../../conf/production.example.json")),
        Map.of()));
    assertThat(config.getString("mode")).isEqualTo(ConfigRules.MODE_PRODUCTION);
    assertThat(config.getJsonObject("payments").getJsonObject("sandbox").getString("webhookUrl")).startsWith("https://");
  }

  @Test
  void envNamesFollowTheKeys() {
    assertThat(ConfigLoader.envName("http.maxBodyBytes")).isEqualTo("POLYMART_HTTP_MAX_BODY_BYTES");
    assertThat(ConfigLoader.envName("admin.email")).isEqualTo("POLYMART_ADMIN_EMAIL");
    assertThat(ConfigLoader.envName("verticles.gateway.instances")).isEqualTo("POLYMART_VERTICLES_GATEWAY_INSTANCES");
  }

  @Test
  void unknownKeysFailNamingTheKey() throws IOException {
    Path file = write("{\"http\": {\"prot\": 1}}");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'http.prot'");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("POLYMART_HTTP_PROT", "1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("POLYMART_HTTP_PROT");
  }

  @Test
  void illTypedValuesFailNamingTheKey() throws IOException {
    Path file = write("{\"http\": {\"port\": \"eighty\"}}");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'http.port'");
    Path fraction = write("{\"pg\": {\"poolSize\": 2.5}}");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(fraction), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'pg.poolSize'");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("POLYMART_HTTP_PORT", "x")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'http.port'");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("POLYMART_HTTP_TRUST_FORWARDED_FOR", "yes")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'http.trustForwardedFor'");
    Path notJson = write("{nope");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(notJson), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void rulesCheckRangesAndProductionRequirements() {
    JsonObject config = ConfigLoader.defaults();
    assertThat(ConfigRules.check(config)).isSameAs(config);

    JsonObject badPort = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_HTTP_PORT", "70000"));
    assertThatThrownBy(() -> ConfigRules.check(badPort)).hasMessageContaining("'http.port'");

    JsonObject production = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_MODE", "production"));
    assertThatThrownBy(() -> ConfigRules.check(production)).hasMessageContaining("'jwt.secret'");
    production.getJsonObject("jwt").put("secret", "s".repeat(40));
    assertThatThrownBy(() -> ConfigRules.check(production)).hasMessageContaining("'pg.url'");

    JsonObject noHeartbeat = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_HTTP_WS_HEARTBEAT_SECONDS", "0"));
    assertThatThrownBy(() -> ConfigRules.check(noHeartbeat)).hasMessageContaining("'http.ws.heartbeatSeconds'");
    JsonObject slowAuth = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_HTTP_WS_AUTH_TIMEOUT_SECONDS", "301"));
    assertThatThrownBy(() -> ConfigRules.check(slowAuth)).hasMessageContaining("'http.ws.authTimeoutSeconds'");

    // each module's own keys are checked by its XxxSettings (CatalogSettingsTest, CartSettingsTest, ...)
    JsonObject currency = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_CURRENCY", "usd"));
    assertThatThrownBy(() -> ConfigRules.check(currency)).as("POLYMART_CURRENCY").hasMessageContaining("'currency'");
    ConfigRules.check(ConfigLoader.load(Optional.empty(), Map.of("POLYMART_CART_MAX_LINES", "100",
        "POLYMART_CURRENCY", "EUR")));

    JsonObject clustered = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_CLUSTER_ENABLED", "true",
        "POLYMART_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701"));
    assertThat(clustered.getJsonObject("cluster").getJsonArray("members")).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
    assertThatThrownBy(() -> ConfigRules.check(clustered)).hasMessageContaining("'jwt.secret'")
        .hasMessageContaining("cluster.enabled");

    JsonObject badMode = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_MODE", "staging"));
    assertThatThrownBy(() -> ConfigRules.check(badMode)).hasMessageContaining("'mode'");
  }

  @Test
  void readReplicaKeysAreChecked() {
    JsonObject replicas = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_PG_REPLICA_URLS",
        "postgresql://u:p@replica-1:5432/db, postgresql://u:p@replica-2:5432/db"));
    assertThat(replicas.getJsonObject("pg").getJsonArray("replicaUrls")).containsExactly(
        "postgresql://u:p@replica-1:5432/db", "postgresql://u:p@replica-2:5432/db");
    ConfigRules.check(replicas);

    JsonObject staleOwnReads = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_PG_MAX_REPLICA_LAG_SECONDS", "10",
        "POLYMART_PG_READ_YOUR_WRITES_SECONDS", "10"));
    assertThatThrownBy(() -> ConfigRules.check(staleOwnReads)).hasMessageContaining("'pg.readYourWritesSeconds'");
    JsonObject noLag = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_PG_MAX_REPLICA_LAG_SECONDS", "0"));
    assertThatThrownBy(() -> ConfigRules.check(noLag)).hasMessageContaining("'pg.maxReplicaLagSeconds'");
    JsonObject externalPrimary = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_PG_EMBEDDED_REPLICAS", "1",
        "POLYMART_PG_URL", "postgresql://u:p@primary:5432/db"));
    assertThatThrownBy(() -> ConfigRules.check(externalPrimary)).hasMessageContaining("'pg.embeddedReplicas'");
    JsonObject tooMany = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_PG_EMBEDDED_REPLICAS", "4"));
    assertThatThrownBy(() -> ConfigRules.check(tooMany)).hasMessageContaining("'pg.embeddedReplicas'");
  }

  @Test
  void aSocketDirectoryIsAnAbsolutePath() {
    ConfigRules.check(ConfigLoader.load(Optional.empty(), Map.of("POLYMART_PG_SOCKET_DIRECTORY",
        "/var/run/postgresql")));
    JsonObject relative = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_PG_SOCKET_DIRECTORY", "run/postgresql"));
    assertThatThrownBy(() -> ConfigRules.check(relative)).hasMessageContaining("'pg.socketDirectory'");
  }

  private Path write(String json) throws IOException {
    Path file = Files.createTempFile(dir, "conf", ".json");
    Files.writeString(file, json);
    return file;
  }
}
