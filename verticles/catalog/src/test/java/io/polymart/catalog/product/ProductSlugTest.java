package io.polymart.catalog.product;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProductSlugTest {
  @Test
  void generatedSlugsAreAsciiAndUnique() {
    UUID id = UUID.fromString("12345678-aaaa-bbbb-cccc-1234567890ab");
    assertThat(ProductService.generatedSlug("Café Crème Maker, 2L!", id)).isEqualTo("cafe-creme-maker-2l-12345678");
    assertThat(ProductService.generatedSlug("华为旗舰手机", id)).isEqualTo("p-12345678");
  }
}
