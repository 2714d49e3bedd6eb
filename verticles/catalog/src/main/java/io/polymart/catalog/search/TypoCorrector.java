package io.polymart.catalog.search;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds known words close to a mistyped one: trigram nearest neighbours from the {@code search_terms} index
 * as candidates, kept when their edit distance (with transpositions, so "iphnoe" is one edit from "iphone")
 * is small for the word's length.
 */
public final class TypoCorrector {
  private static final int MIN_LENGTH = 4;
  private final SearchRepository search;

  public TypoCorrector(SearchRepository search) {
    this.search = search;
  }

  /** Corrections per token; tokens that are known words, or too short to guess at, get none. */
  Future<Map<String, List<String>>> corrections(SqlClient client, List<String> tokens) {
    List<String> candidates = tokens.stream().filter(t -> t.length() >= MIN_LENGTH).toList();
    if (candidates.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return search.correctionCandidates(client, candidates).map(rows -> {
      Map<String, List<String>> result = new HashMap<>();
      rows.forEach(row -> {
        String token = row.getString("token");
        String term = row.getString("term");
        if (distance(token, term) <= allowedEdits(token)) {
          result.computeIfAbsent(token, k -> new ArrayList<>()).add(term);
        }
      });
      return result;
    });
  }

  static int allowedEdits(String token) {
    return token.length() >= 7 ? 2 : 1;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
