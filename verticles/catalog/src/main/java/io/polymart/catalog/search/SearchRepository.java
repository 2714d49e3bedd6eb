package io.polymart.catalog.search;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.List;

/** What search reads and learns: products, and the known words in {@code catalog.search_terms}. */
public final class SearchRepository {
  private static final String SUGGEST = """
      SELECT suggestion FROM (
      SELECT name AS suggestion, CASE WHEN lower(name) LIKE $1 THEN 0 ELSE 2 END AS priority, sold_count
      FROM catalog.products WHERE status = 'ACTIVE' AND lower(name) LIKE $2
      UNION ALL SELECT term, 1, 0 FROM catalog.search_terms WHERE term LIKE $1) s
      GROUP BY suggestion ORDER BY min(priority), max(sold_count) DESC, suggestion LIMIT $3""";
  private static final String CANDIDATES = """
      SELECT t.token, c.term FROM unnest($1::text[]) AS t(token)
      CROSS JOIN LATERAL (SELECT term FROM catalog.search_terms WHERE term <> t.token
      ORDER BY term <-> t.token LIMIT 10) c
      WHERE NOT EXISTS (SELECT 1 FROM catalog.search_terms known WHERE known.term = t.token)""";

  /** Escapes LIKE wildcards so user text matches literally. */
  static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** One row: {@code total}, the page {@code items} and the facets ({@code brands}, {@code categories}, ...). */
  Future<Row> search(SqlClient client, SearchStatement statement) {
    return client.preparedQuery(statement.sql).execute(statement.tuple()).map(rows -> rows.iterator().next());
  }

  /**
   * Up to {@code limit} product names and known words for {@code text} (lower case): names that start with it,
   * then words that do, then names that contain it; best sellers first within each.
   */
  Future<RowSet<Row>> suggestions(SqlClient client, String text, int limit) {
    String literal = likeLiteral(text);
    return client.preparedQuery(SUGGEST).execute(Tuple.of(literal + "%", "%" + literal + "%", limit));
  }

  /** Up to 10 known words ({@code term}) close to each {@code token} that is not a known word itself. */
  Future<RowSet<Row>> correctionCandidates(SqlClient client, List<String> tokens) {
    return client.preparedQuery(CANDIDATES).execute(Tuple.of(tokens.toArray(String[]::new)));
  }

  Future<Void> addTerms(SqlClient tx, List<String> words) {
    return tx.preparedQuery("INSERT INTO catalog.search_terms (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(words.toArray(String[]::new))).mapEmpty();
  }
}
