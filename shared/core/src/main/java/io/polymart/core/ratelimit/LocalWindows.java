package io.polymart.core.ratelimit;

import java.util.HashMap;
import java.util.Map;

/**
 * Fixed-window counters in this verticle instance's memory: the rate limiter's stand-in while Redis is down. Used
 * from one event loop only.
 */
final class LocalWindows {
  private static final int PURGE_ABOVE = 10_000;
  private final long windowMillis;
  private final Map<String, Window> windows = new HashMap<>();

  private record Window(long endsAt, long count) {
  }

  LocalWindows(int windowSeconds) {
    this.windowMillis = windowSeconds * 1000L;
  }

  long increment(String key, long now) {
    if (windows.size() > PURGE_ABOVE) {
      windows.values().removeIf(window -> window.endsAt() <= now);
    }
    Window current = live(key, now);
    Window next = current == null ? new Window(now + windowMillis, 1) : new Window(current.endsAt(), current.count() + 1);
    windows.put(key, next);
    return next.count();
  }

  long count(String key, long now) {
    Window current = live(key, now);
    return current == null ? 0 : current.count();
  }

  int secondsLeft(String key, long now) {
    Window current = live(key, now);
    return current == null ? 1 : (int) Math.max(1, (current.endsAt() - now + 999) / 1000);
  }

  private Window live(String key, long now) {
    Window window = windows.get(key);
    return window == null || window.endsAt() <= now ? null : window;
  }
}
