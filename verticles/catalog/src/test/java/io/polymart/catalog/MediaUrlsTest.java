package io.polymart.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaUrlsTest {
  @Test
  void imagesAreUnderThisServerOrUnderTheConfiguredBase() {
    assertThat(CatalogSettings.mediaPrefix("")).isEqualTo("/media/");
    assertThat(CatalogSettings.mediaPrefix("https://cdn.example.com")).isEqualTo("https://cdn.example.com/media/");
    assertThat(CatalogSettings.mediaPrefix("https://example.com/shop")).isEqualTo("https://example.com/shop/media/");
  }
}
