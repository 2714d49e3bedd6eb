package io.polymart.catalog.cache;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RecentEntriesTest {
  private static final ProductPage PAGE = ProductPage.of("{\"id\":\"p\",\"status\":\"ACTIVE\"}");

  @Test
  void aPageIsKeptWithItsGenerationUntilItExpires() {
    RecentEntries<UUID, ProductPage> pages = new RecentEntries<>(10, 1_000);
    UUID id = UUID.randomUUID();
    pages.put(id, "7", PAGE, 5_000);

    assertThat(pages.get(id, 5_999).generation()).isEqualTo("7");
    assertThat(pages.get(id, 5_999).value()).isSameAs(PAGE);
    assertThat(pages.get(id, 6_000)).isNull();
    assertThat(pages.get(id, 5_000)).as("an expired page is gone").isNull();
  }

  @Test
  void theLeastRecentlyReadPageGoesFirstPastTheCapacity() {
    RecentEntries<UUID, ProductPage> pages = new RecentEntries<>(2, 60_000);
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    pages.put(a, "1", PAGE, 0);
    pages.put(b, "1", PAGE, 0);
    pages.get(a, 1);
    pages.put(c, "1", PAGE, 2);

    assertThat(pages.get(a, 3)).isNotNull();
    assertThat(pages.get(b, 3)).isNull();
    assertThat(pages.get(c, 3)).isNotNull();
  }

  @Test
  void aCapacityOfZeroKeepsNothing() {
    RecentEntries<UUID, ProductPage> pages = new RecentEntries<>(0, 60_000);
    UUID id = UUID.randomUUID();
    pages.put(id, "1", PAGE, 0);
    assertThat(pages.get(id, 1)).isNull();
  }
}
