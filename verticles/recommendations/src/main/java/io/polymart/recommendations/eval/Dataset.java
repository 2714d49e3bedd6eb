package io.polymart.recommendations.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The baskets of a data set, plus whether they carry users and timestamps (which decide the split and for-you). */
public record Dataset(List<Basket> baskets, boolean timed, boolean usersKnown) {
  public Dataset {
    baskets = List.copyOf(baskets);
  }

  /** Every item of the data set: what each strategy ranks against. */
  public Set<String> catalogue() {
    Set<String> items = new LinkedHashSet<>();
    baskets.forEach(basket -> items.addAll(basket.items()));
    return items;
  }
}
