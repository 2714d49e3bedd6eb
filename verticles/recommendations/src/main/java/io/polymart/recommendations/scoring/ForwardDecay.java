package io.polymart.recommendations.scoring;

import java.time.Instant;

/**
 * Time decay by forward weighting: an event at time t adds {@code 2^((t - origin) / halfLife)} instead of 1, so stored
 * sums only ever grow by plain increments (no rewrite of old counts as time passes), and dividing a sum by
 * {@link #weight} of "now" gives the count decayed with that half-life. Scores that are ratios of such sums (cosine)
 * or rankings of them (trending) need no division at all: the common factor cancels.
 *
 * <p>The weights grow by 2 every half-life: with the origin at 2026-01-01 and a 7-day half-life a double holds them
 * for about 140 years.
 */
public record ForwardDecay(Instant origin, double halfLifeSeconds) {
  public static final Instant DEFAULT_ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

  public ForwardDecay {
    if (!(halfLifeSeconds > 0)) {
      throw new IllegalArgumentException("halfLifeSeconds must be positive, got " + halfLifeSeconds);
    }
  }

  /** The weight an event at {@code at} adds. */
  public double weight(Instant at) {
    double ageFromOrigin = (at.toEpochMilli() - origin.toEpochMilli()) / 1000.0;
    return Math.pow(2, ageFromOrigin / halfLifeSeconds);
  }

  /** A stored sum as a count decayed to {@code now}. */
  public double decayed(double sum, Instant now) {
    return sum / weight(now);
  }
}
