package io.polymart.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisitorIdFormatTest {
  private static final Pattern CONTRACT = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  @ParameterizedTest
  @ValueSource(strings = {"abcdefgh", "ABC-def_0123456789", "zZ09_-zZ", "", "abcdefg", "abcdefg!", "abc defgh",
      "abcdéfgh", "abc/defgh", "abcdefgh\n", "[abcdefgh]", "@abcdefgh", "`abcdefgh", "{abcdefgh"})
  void acceptsExactlyWhatTheContractsPatternAccepts(String value) {
    assertThat(VisitorIdFormat.wellFormed(value)).isEqualTo(CONTRACT.matcher(value).matches());
  }

  @Test
  void lengthsFrom8To64() {
    assertThat(VisitorIdFormat.wellFormed("a".repeat(8))).isTrue();
    assertThat(VisitorIdFormat.wellFormed("a".repeat(64))).isTrue();
    assertThat(VisitorIdFormat.wellFormed("a".repeat(7))).isFalse();
    assertThat(VisitorIdFormat.wellFormed("a".repeat(65))).isFalse();
  }
}
