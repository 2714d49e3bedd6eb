package io.polymart.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaUrlsTest {
  @Test
  void imagesAreUnderThisServerOrUnderTheConfiguredBase() {
    assertThat(CatalogVerticle.mediaPrefix("")).isEqualTo("/media/");
    assertThat(CatalogVerticle.mediaPrefix("https://cdn.example.com")).isEqualTo("https://cdn.example.com/media/");
    assertThat(CatalogVerticle.mediaPrefix("https://example.com/shop")).isEqualTo("https://example.com/shop/media/");
  }
}
