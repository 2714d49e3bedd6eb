package io.polymart.recommendations.eval;

import java.time.Instant;
import java.util.List;

/** One basket or session: its distinct items in order, and who and when when the data set says so (else null). */
public record Basket(String user, Instant at, List<String> items) {
  public Basket {
    items = List.copyOf(new java.util.LinkedHashSet<>(items));
  }
}
