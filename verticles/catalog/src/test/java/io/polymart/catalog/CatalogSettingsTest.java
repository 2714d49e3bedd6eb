package io.polymart.catalog;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog's conf rules (they were in core's ConfigRules until the catalog had its own settings). */
class CatalogSettingsTest {
  @Test
  void theDefaultsAndTheProductionExampleAreValid() {
    CatalogSettings defaults = CatalogSettings.from(ConfigLoader.defaults());
    assertThat(defaults.mediaPrefix()).isEqualTo("/media/");
    assertThat(defaults.images().maxPerProduct()).isEqualTo(12);
    assertThat(defaults.demo().enabled()).isFalse();
    CatalogSettings.from(ConfigLoader.load(Optional.of(Path.of("../../conf/production.example.json")), Map.of()));
  }

  @Test
  void rulesCheckRangesAndTheMediaBaseUrl() {
    JsonObject tinyImages = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_CATALOG_IMAGES_MAX_BYTES", "10"));
    assertThatThrownBy(() -> CatalogSettings.from(tinyImages)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'catalog.images.maxBytes'");
    for (String bad : new String[] {"cdn.example.com", "https://cdn.example.com/", "ftp://x.io", "https://a b.io"}) {
      JsonObject media = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_CATALOG_MEDIA_BASE_URL", bad));
      assertThatThrownBy(() -> CatalogSettings.from(media)).as(bad).hasMessageContaining("'catalog.mediaBaseUrl'");
    }
    CatalogSettings cdn = CatalogSettings.from(ConfigLoader.load(Optional.empty(),
        Map.of("POLYMART_CATALOG_MEDIA_BASE_URL", "https://cdn.example.com/shop")));
    assertThat(cdn.mediaPrefix()).isEqualTo("https://cdn.example.com/shop/media/");

    for (Map.Entry<String, String> bad : Map.of("POLYMART_CATALOG_IMAGES_MAX_PIXELS", "9999",
        "POLYMART_CATALOG_IMAGES_MAX_PER_PRODUCT", "101", "POLYMART_CATALOG_CACHE_TTL_SECONDS", "0",
        "POLYMART_CATALOG_RESERVATIONS_DEFAULT_TTL_SECONDS", "86401",
        "POLYMART_CATALOG_RESERVATIONS_SWEEP_INTERVAL_SECONDS", "0", "POLYMART_CATALOG_OUTBOX_POLL_MILLIS", "9",
        "POLYMART_CATALOG_DEMO_PRODUCTS", "0").entrySet()) {
      JsonObject conf = ConfigLoader.load(Optional.empty(), Map.of(bad.getKey(), bad.getValue()));
      assertThatThrownBy(() -> CatalogSettings.from(conf)).as(bad.getKey()).isInstanceOf(ConfigException.class)
          .hasMessageContaining("'catalog.").hasMessageContaining("must be between");
    }
  }

  @Test
  void theDemoCatalogIsForLocalModeOnly() {
    JsonObject production = ConfigLoader.load(Optional.empty(), Map.of("POLYMART_MODE", "production"));
    CatalogSettings.from(production);
    production.getJsonObject("catalog").getJsonObject("demo").put("enabled", true);
    assertThatThrownBy(() -> CatalogSettings.from(production)).hasMessageContaining("'catalog.demo.enabled'");
    production.put("mode", "local");
    assertThat(CatalogSettings.from(production).demo().enabled()).isTrue();
  }
}
