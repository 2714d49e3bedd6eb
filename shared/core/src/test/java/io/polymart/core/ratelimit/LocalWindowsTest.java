package io.polymart.core.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalWindowsTest {
  @Test
  void countsWithinAWindowAndStartsAgainAfterIt() {
    LocalWindows windows = new LocalWindows(60);
    assertThat(windows.increment("a", 1_000)).isEqualTo(1);
    assertThat(windows.increment("a", 2_000)).isEqualTo(2);
    assertThat(windows.count("a", 30_000)).isEqualTo(2);
    assertThat(windows.count("b", 30_000)).isZero();
    assertThat(windows.secondsLeft("a", 30_000)).isEqualTo(31);
    assertThat(windows.count("a", 61_000)).isZero();
    assertThat(windows.increment("a", 61_000)).isEqualTo(1);
  }
}
