package io.polymart.reviews;

/**
 * The lower bound of the Wilson score interval (95 %, z = 1.96) of the share of helpful votes: the "helpful" order.
 * One helpful vote out of one scores about 0.21, 90 out of 100 about 0.83, so a lone vote never outranks many.
 */
final class WilsonScore {
  private static final double Z = 1.96;

  private WilsonScore() {
  }

  /** 0 without votes. */
  static double lowerBound(long helpful, long unhelpful) {
    long n = helpful + unhelpful;
    if (n <= 0) {
      return 0.0;
    }
    double p = (double) helpful / n;
    double z2 = Z * Z;
    return (p + z2 / (2.0 * n) - Z * Math.sqrt((p * (1 - p) + z2 / (4.0 * n)) / n)) / (1 + z2 / n);
  }
}
