package io.polymart.catalog.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {
  @Test
  void tokensAreLowerCaseWordsSplitAtAnythingButLettersAndDigits() {
    assertThat(SearchTerms.tokens("iPhone 15-Pro, 256GB!")).containsExactly("iphone", "15", "pro", "256gb");
    assertThat(SearchTerms.tokens("华为旗舰手机 Mate")).containsExactly("华为旗舰手机", "mate");
    assertThat(SearchTerms.tokens("  ")).isEmpty();
  }

  @Test
  void cjkTokensAreRecognised() {
    assertThat(SearchTerms.isCjk("手机")).isTrue();
    assertThat(SearchTerms.isCjk("カメラ")).isTrue();
    assertThat(SearchTerms.isCjk("휴대폰")).isTrue();
    assertThat(SearchTerms.isCjk("phone")).isFalse();
  }

  @Test
  void editDistanceCountsASwapOfNeighboursAsOneEdit() {
    assertThat(TypoCorrector.distance("iphnoe", "iphone")).isEqualTo(1);
    assertThat(TypoCorrector.distance("iphone", "iphone")).isZero();
    assertThat(TypoCorrector.distance("ipone", "iphone")).isEqualTo(1);
    assertThat(TypoCorrector.distance("smartphnoe", "smartphone")).isEqualTo(1);
    assertThat(TypoCorrector.distance("laptop", "tablet")).isGreaterThan(2);
  }

  @Test
  void longerWordsMayHaveMoreTypos() {
    assertThat(TypoCorrector.allowedEdits("ipad")).isEqualTo(1);
    assertThat(TypoCorrector.allowedEdits("iphone")).isEqualTo(1);
    assertThat(TypoCorrector.allowedEdits("keyboard")).isEqualTo(2);
  }

  @Test
  void likeWildcardsInUserTextMatchLiterally() {
    assertThat(SearchRepository.likeLiteral("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
  }
}
