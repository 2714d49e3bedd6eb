package io.polymart.recommendations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writes of a run of views and cart adds, combined before they reach Redis: increments of one member summed
 * ({@code zincr}, {@code hincr}), the highest score of one member kept ({@code zmax}), and each key trimmed and given
 * its expiry once, after all the adds. A run of 200 views in the demo shop makes about 3,000 writes one by one and
 * a few hundred combined: the script that applies them blocks Redis for that much less.
 *
 * <p>The state it leaves is what the writes one by one leave, up to the rounding of the sums, with one difference:
 * a set at its cap is trimmed once at the end of the run, so a member that one by one would have been trimmed and
 * added again keeps its earlier weight. For a shopper's activity (scores only rise) the result is the same; for
 * neighbour and trending sets it keeps what was closest to the cap a little longer.
 */
final class CombinedWrites {
  private record Member(String key, String member) {
  }

  private final Map<Member, Double> sums = new LinkedHashMap<>();
  private final Map<Member, Double> fieldSums = new LinkedHashMap<>();
  private final Map<Member, Double> highest = new LinkedHashMap<>();
  private final Map<String, String> trims = new LinkedHashMap<>();
  private final Map<String, String> expiries = new LinkedHashMap<>();
  private final Map<String, String> expiriesAt = new LinkedHashMap<>();

  /** Adds one event's writes: only the operations learning activity makes. */
  CombinedWrites add(EventWrites writes) {
    writes.forEach((name, key, args) -> {
      switch (name) {
        case "zincr" -> sums.merge(new Member(key, args.get(1)), Double.parseDouble(args.get(0)), Double::sum);
        case "hincr" -> fieldSums.merge(new Member(key, args.get(0)), Double.parseDouble(args.get(1)), Double::sum);
        case "zmax" -> highest.merge(new Member(key, args.get(1)), Double.parseDouble(args.get(0)), Math::max);
        case "ztrim" -> trims.put(key, args.get(0));
        case "expire" -> expiries.put(key, args.get(0));
        case "expireat" -> expiriesAt.put(key, args.get(0));
        default -> throw new IllegalArgumentException("cannot combine " + name);
      }
    });
    return this;
  }

  EventWrites writes() {
    EventWrites writes = new EventWrites();
    highest.forEach((m, score) -> writes.zmax(m.key(), score, m.member()));
    sums.forEach((m, by) -> writes.zincr(m.key(), by, m.member()));
    fieldSums.forEach((m, by) -> writes.hincr(m.key(), m.member(), by));
    trims.forEach((key, size) -> writes.ztrim(key, Integer.parseInt(size)));
    expiries.forEach((key, seconds) -> writes.expire(key, Long.parseLong(seconds)));
    expiriesAt.forEach((key, at) -> writes.expireAt(key, Long.parseLong(at)));
    return writes;
  }
}
