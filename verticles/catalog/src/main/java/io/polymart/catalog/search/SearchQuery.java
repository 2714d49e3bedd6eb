package io.polymart.catalog.search;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.Paging;
import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The parameters of {@code GET /products}, checked. */
public record SearchQuery(String text, List<String> tokens, List<String> categories, List<String> brands,
    BigDecimal minPrice, BigDecimal maxPrice, JsonObject attributes, String sort, Paging paging) {
  static final Set<String> SORTS = Set.of("relevance", "price_asc", "price_desc", "sales", "rating", "newest");
  static final int MAX_TEXT = 100;
  static final int MAX_TOKENS = 8;
  static final int MAX_ATTRIBUTES = 10;
  private static final String ATTRIBUTE_PREFIX = "attr.";

  public static SearchQuery from(BusRequest request) {
    String text = request.query("q").map(q -> q.trim().toLowerCase(Locale.ROOT)).filter(q -> !q.isEmpty())
        .orElse(null);
    if (text != null && text.length() > MAX_TEXT) {
      throw ServiceException.invalidField("q", "must be at most " + MAX_TEXT + " characters");
    }
    List<String> tokens = text == null ? List.of() : SearchTerms.tokens(text);
    if (tokens.size() > MAX_TOKENS) {
      tokens = tokens.subList(0, MAX_TOKENS);
    }
    String sort = request.query("sort").orElse(text == null ? "newest" : "relevance");
    if (!SORTS.contains(sort)) {
      throw ServiceException.invalidField("sort", "must be one of relevance, price_asc, price_desc, sales, rating, newest");
    }
    BigDecimal min = request.query("minPrice").map(v -> Money.parseNonNegative("minPrice", v)).orElse(null);
    BigDecimal max = request.query("maxPrice").map(v -> Money.parseNonNegative("maxPrice", v)).orElse(null);
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw ServiceException.invalidField("minPrice", "must not be greater than maxPrice");
    }
    return new SearchQuery(text, tokens, list(request, "category"), list(request, "brand"), min, max,
        attributes(request), sort, Paging.from(request));
  }

  /** A comma-separated list of ids or slugs. */
  private static List<String> list(BusRequest request, String name) {
    return request.query(name).map(value -> {
      List<String> items = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      if (items.size() > 20 || items.stream().anyMatch(s -> s.length() > 120)) {
        throw ServiceException.invalidField(name, "must be up to 20 ids or slugs separated by commas");
      }
      return items;
    }).orElse(List.of());
  }

  /** {@code attr.color=Black&attr.size=M}: products with a SKU that has all of them. */
  private static JsonObject attributes(BusRequest request) {
    JsonObject attributes = new JsonObject();
    request.queryParams().forEach(entry -> {
      if (entry.getKey().startsWith(ATTRIBUTE_PREFIX)) {
        String name = entry.getKey().substring(ATTRIBUTE_PREFIX.length());
        String value = String.valueOf(entry.getValue());
        if (name.isEmpty() || name.length() > 40 || value.isEmpty() || value.length() > 100) {
          throw ServiceException.invalidField(entry.getKey(), "must name an attribute and give its value");
        }
        attributes.put(name, value);
      }
    });
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw ServiceException.invalidField("attr", "at most " + MAX_ATTRIBUTES + " attribute filters");
    }
    return attributes;
  }
}
