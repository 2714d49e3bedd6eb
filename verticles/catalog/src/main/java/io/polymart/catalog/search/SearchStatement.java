package io.polymart.catalog.search;

import io.polymart.catalog.product.ProductJson;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the one statement that answers a product search: matching rows, their total, the requested page
 * and the facet counts, all over the same filtered set. User input only ever travels as parameters.
 *
 * <p>Latin words match the full-text index (weight A for the name, B for the description, prefix matches, plus
 * typo corrections as alternatives) or a substring of the name; CJK words, which have no spaces to split at,
 * match any substring of the name or description (trigram indexes). Rank: full-text rank weighted towards the
 * name, plus one point per word found in the name, so a name match always beats a description match.
 */
final class SearchStatement {
  static final List<PriceRange> PRICE_RANGES = List.of(
      new PriceRange("0-50", null, "50"), new PriceRange("50-100", "50", "100"),
      new PriceRange("100-200", "100", "200"), new PriceRange("200-500", "200", "500"),
      new PriceRange("500-1000", "500", "1000"), new PriceRange("1000+", "1000", null));

  record PriceRange(String key, String min, String max) {
  }

  private static final Map<String, String> ORDER = Map.of(
      "relevance", "rank DESC, sold_count DESC, id",
      "price_asc", "min_price ASC NULLS LAST, id",
      "price_desc", "min_price DESC NULLS LAST, id",
      "sales", "sold_count DESC, id",
      "rating", "rating DESC, review_count DESC, id",
      "newest", "created_at DESC, id");

  private final List<Object> params = new ArrayList<>();

  final String sql;

  SearchStatement(SearchQuery query, Map<String, List<String>> corrections, String mediaPrefix) {
    List<String> conditions = new ArrayList<>();
    List<String> rank = new ArrayList<>();
    List<String> ctes = new ArrayList<>();
    conditions.add("p.status = 'ACTIVE'");
    conditions.add("p.min_price IS NOT NULL");
    List<String> latinQueries = new ArrayList<>();
    for (String token : query.tokens()) {
      String like = param("%" + SearchRepository.likeLiteral(token) + "%");
      if (SearchTerms.isCjk(token)) {
        conditions.add("(lower(p.name) LIKE " + like + " OR lower(p.description) LIKE " + like + ")");
        rank.add("CASE WHEN lower(p.name) LIKE " + like + " THEN 1 ELSE 0 END");
      } else {
        List<String> alternatives = new ArrayList<>();
        alternatives.add(token + ":*");
        corrections.getOrDefault(token, List.of()).forEach(term -> alternatives.add(term + ":*"));
        String tsquery = "(" + String.join(" | ", alternatives) + ")";
        latinQueries.add(tsquery);
        conditions.add("(p.search_vector @@ to_tsquery('simple', " + param(tsquery) + ") OR lower(p.name) LIKE "
            + like + ")");
        rank.add("CASE WHEN lower(p.name) LIKE " + like + " THEN 1 ELSE 0 END");
      }
    }
    if (!latinQueries.isEmpty()) {
      rank.add("ts_rank('{0.05, 0.1, 0.2, 1.0}', p.search_vector, to_tsquery('simple', "
          + param(String.join(" & ", latinQueries)) + "))");
    }
    if (!query.categories().isEmpty()) {
      ctes.add("category_tree AS (SELECT id FROM catalog.categories WHERE id::text = ANY(" + param(array(query.categories()))
          + ") OR slug = ANY(" + lastParam() + ") UNION SELECT c.id FROM catalog.categories c "
          + "JOIN category_tree t ON c.parent_id = t.id)");
      conditions.add("p.category_id IN (SELECT id FROM category_tree)");
    }
    if (!query.brands().isEmpty()) {
      conditions.add("p.brand_id IN (SELECT id FROM catalog.brands WHERE id::text = ANY(" + param(array(query.brands()))
          + ") OR slug = ANY(" + lastParam() + "))");
    }
    if (query.minPrice() != null) {
      conditions.add("p.min_price >= " + param(query.minPrice()));
    }
    if (query.maxPrice() != null) {
      conditions.add("p.min_price <= " + param(query.maxPrice()));
    }
    if (!query.attributes().isEmpty()) {
      conditions.add("EXISTS (SELECT 1 FROM catalog.skus s WHERE s.product_id = p.id AND s.status = 'ACTIVE' "
          + "AND s.attributes @> " + param(query.attributes()) + "::jsonb)");
    }
    String rankExpression = rank.isEmpty() ? "0" : String.join(" + ", rank);
    String order = ORDER.get(query.sort());
    ctes.add("matched AS (SELECT p.id, p.min_price, p.sold_count, p.rating, p.review_count, p.created_at, "
        + "p.brand_id, p.category_id, " + rankExpression + " AS rank FROM catalog.products p WHERE "
        + String.join(" AND ", conditions) + ")");
    ctes.add("page AS (SELECT id, row_number() OVER (ORDER BY " + order + ") AS ord FROM matched ORDER BY " + order
        + " LIMIT " + param(query.paging().size()) + " OFFSET " + param(query.paging().offset()) + ")");
    String prefix = param(mediaPrefix);
    sql = "WITH RECURSIVE " + String.join(", ", ctes) + " SELECT "
        + "(SELECT count(*) FROM matched) AS total, "
        + "(SELECT coalesce(json_agg(" + ProductJson.summary(prefix) + " ORDER BY pg.ord), '[]'::json) FROM page pg "
        + "JOIN catalog.products p ON p.id = pg.id JOIN catalog.categories c ON c.id = p.category_id "
        + "LEFT JOIN catalog.brands b ON b.id = p.brand_id) AS items, "
        + "(SELECT coalesce(json_agg(json_build_object('id', b.id, 'name', b.name, 'slug', b.slug, 'count', x.n) "
        + "ORDER BY x.n DESC, b.name), '[]'::json) FROM (SELECT brand_id, count(*) AS n FROM matched "
        + "WHERE brand_id IS NOT NULL GROUP BY brand_id) x JOIN catalog.brands b ON b.id = x.brand_id) AS brands, "
        + "(SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'slug', c.slug, 'count', x.n) "
        + "ORDER BY x.n DESC, c.name), '[]'::json) FROM (SELECT category_id, count(*) AS n FROM matched "
        + "GROUP BY category_id) x JOIN catalog.categories c ON c.id = x.category_id) AS categories, "
        + "(SELECT coalesce(json_object_agg(bucket, n), '{}'::json) FROM (SELECT " + bucketExpression()
        + " AS bucket, count(*) AS n FROM matched WHERE min_price IS NOT NULL GROUP BY 1) r) AS price_ranges";
  }

  Tuple tuple() {
    return Tuple.from(params);
  }

  private static String bucketExpression() {
    StringBuilder expression = new StringBuilder("CASE");
    for (PriceRange range : PRICE_RANGES) {
      if (range.max() != null) {
        expression.append(" WHEN min_price < ").append(range.max()).append(" THEN '").append(range.key()).append("'");
      } else {
        expression.append(" ELSE '").append(range.key()).append("'");
      }
    }
    return expression.append(" END").toString();
  }

  private static String[] array(List<String> values) {
    return values.toArray(String[]::new);
  }

  private String param(Object value) {
    params.add(value);
    return "$" + params.size();
  }

  private String lastParam() {
    return "$" + params.size();
  }

  @Override
  public String toString() {
    return sql + " " + params.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
  }
}
