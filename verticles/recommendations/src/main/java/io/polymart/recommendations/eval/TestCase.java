package io.polymart.recommendations.eval;

import java.util.List;
import java.util.Map;

/**
 * One leave-one-out question: given the basket's other items ({@code query}) and, when users are known, the shopper's
 * earlier items weighted by recency ({@code history}), is {@code hidden} in the top k?
 */
record TestCase(String user, List<String> query, String hidden, Map<String, Double> history) {
  public TestCase {
    query = List.copyOf(query);
    history = Map.copyOf(history);
  }
}
