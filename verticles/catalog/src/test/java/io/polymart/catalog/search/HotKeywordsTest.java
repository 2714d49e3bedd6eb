package io.polymart.catalog.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HotKeywordsTest {

  @Test
  void shoppersKeywordsShowTrimmedWithSpacesCollapsed() {
    assertThat(HotKeywords.keyword("running shoes")).isEqualTo("running shoes");
    assertThat(HotKeywords.keyword("  iphone   15 pro ")).isEqualTo("iphone 15 pro");
    assertThat(HotKeywords.keyword("蓝牙耳机")).isEqualTo("蓝牙耳机");
    assertThat(HotKeywords.keyword("café")).isEqualTo("café");
    assertThat(HotKeywords.keyword("t-shirt m&m's usb-c+")).isEqualTo("t-shirt m&m's usb-c+");
  }

  @Test
  void probesAndLongTextNeverShow() {
    assertThat(HotKeywords.keyword("' or 1=1 --")).isNull();
    assertThat(HotKeywords.keyword("shoe'; drop table catalog.products; --")).isNull();
    assertThat(HotKeywords.keyword("<script>alert(1)</script>")).isNull();
    assertThat(HotKeywords.keyword("shoe\u0001")).isNull();
    assertThat(HotKeywords.keyword("-- shoe")).isNull();
    assertThat(HotKeywords.keyword("a".repeat(HotKeywords.MAX_LENGTH))).hasSize(HotKeywords.MAX_LENGTH);
    assertThat(HotKeywords.keyword("a".repeat(HotKeywords.MAX_LENGTH + 1))).isNull();
    assertThat(HotKeywords.keyword("   ")).isNull();
    assertThat(HotKeywords.keyword(null)).isNull();
  }
}
