package io.polymart.recommendations;

import java.util.Locale;

/**
 * A trending window: counts go into one sorted set per (event-time) day, each count forward-decayed from its day's
 * start with the window's half-life; an answer sums the last {@code days} day sets decayed to now. Older day sets
 * expire, so a window never holds more than {@code days} sets per scope.
 */
enum TrendingWindow {
  DAY("d", 2), WEEK("w", 8);

  final String code;
  final int days;

  TrendingWindow(String code, int days) {
    this.code = code;
    this.days = days;
  }

  /** {@code day} or {@code week}; null for anything else. */
  static TrendingWindow parse(String value) {
    for (TrendingWindow window : values()) {
      if (window.name().toLowerCase(Locale.ROOT).equals(value)) {
        return window;
      }
    }
    return null;
  }
}
