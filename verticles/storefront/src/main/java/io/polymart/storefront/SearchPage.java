package io.polymart.storefront;

import io.polymart.core.client.CatalogBrowseClient;
import io.polymart.core.client.RecommendationsClient;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Search and category listings: the catalog's search (typos, Chinese text and facets as the API does them) with its
 * facets as links, the sorts, pagination, and help when nothing matched. A parameter the catalog refuses (a query of
 * over 100 characters, a price that is no amount) shows its message on the page, with status 400.
 */
final class SearchPage {
  static final List<String> FILTERS = List.of("q", "category", "brand", "minPrice", "maxPrice", "sort");
  static final List<String> SORTS = List.of("relevance", "newest", "price_asc", "price_desc", "sales", "rating");
  private static final Map<String, String> SORT_LABELS = Map.of("relevance", "Best match", "newest", "Newest",
      "price_asc", "Price: low to high", "price_desc", "Price: high to low", "sales", "Best selling",
      "rating", "Top rated");
  private static final Map<String, String> FIELD_LABELS = Map.of("q", "The search text", "minPrice",
      "The lowest price", "maxPrice", "The highest price", "category", "The category", "brand", "The brand");
  private static final int MAX_PAGE = 10_000;
  private final CatalogBrowseClient catalog;
  private final RecommendationsClient recommendations;
  private final ProductCards cards;
  private final Prices prices;
  private final int pageSize;

  SearchPage(CatalogBrowseClient catalog, RecommendationsClient recommendations, ProductCards cards, Prices prices,
      int pageSize) {
    this.catalog = catalog;
    this.recommendations = recommendations;
    this.cards = cards;
    this.prices = prices;
    this.pageSize = pageSize;
  }

  Future<Page> render(PageRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String name : FILTERS) {
      String value = request.param(name);
      if (value != null && !("sort".equals(name) && !SORTS.contains(value))) {
        params.put(name, value);
      }
    }
    int page = page(request.param("page"));
    JsonObject query = new JsonObject().put("size", Integer.toString(pageSize));
    params.forEach(query::put);
    if (page > 1) {
      query.put("page", Integer.toString(page));
      params.put("page", Integer.toString(page));
    }
    SearchLinks links = new SearchLinks(params);
    return catalog.search(query)
        .compose(result -> result.getInteger("total", 0) > 0 ? Future.succeededFuture(model(result, params, page, links))
            : noResults(params, links))
        .recover(failure -> {
          ServiceException error = ServiceException.fromFailure(failure);
          if (error.status() != 400) {
            return Future.failedFuture(failure);
          }
          Map<String, Object> model = base(params, links);
          model.put("error", refusal(error));
          return Future.succeededFuture(new Page(400, "search", model));
        });
  }

  private Page model(JsonObject result, Map<String, String> params, int page, SearchLinks links) {
    Map<String, Object> model = base(params, links);
    int total = result.getInteger("total");
    model.put("total", total);
    model.put("products", cards.cards(Fields.array(result, "items")));
    JsonObject facets = Fields.object(result, "facets");
    model.put("brands", facet(facets.getJsonArray("brands"), "brand", params, links));
    model.put("categoryFacet", facet(facets.getJsonArray("categories"), "category", params, links));
    model.put("priceRanges", priceRanges(facets.getJsonArray("priceRanges"), params, links));
    int pages = Math.min(MAX_PAGE, (total + pageSize - 1) / pageSize);
    model.put("page", page);
    model.put("pages", pages);
    model.put("previous", page > 1 ? links.page(page - 1) : null);
    model.put("next", page < pages ? links.page(page + 1) : null);
    return Page.ok("search", model);
  }

  /** Nothing matched: the page says so, with a way out: without filters, and what is trending. */
  private Future<Page> noResults(Map<String, String> params, SearchLinks links) {
    return Sections.orEmpty(recommendations.trending(HomePage.CARDS), "trending products").map(trending -> {
      Map<String, Object> model = base(params, links);
      model.put("total", 0);
      model.put("products", List.of());
      model.put("trending", cards.cards(trending));
      String q = params.get("q");
      boolean filtered = params.keySet().stream().anyMatch(name -> !"q".equals(name) && !"sort".equals(name));
      model.put("withoutFilters", filtered ? new SearchLinks(q == null ? Map.of() : Map.of("q", q)).page(1) : null);
      return Page.ok("search", model);
    });
  }

  private Map<String, Object> base(Map<String, String> params, SearchLinks links) {
    Map<String, Object> model = new HashMap<>();
    String q = params.get("q");
    model.put("title", q == null ? "All products" : "Search: " + q);
    model.put("q", q == null ? "" : q);
    model.put("params", params);
    model.put("error", null);
    model.put("trending", List.of());
    model.put("withoutFilters", null);
    List<Map<String, Object>> sorts = new ArrayList<>();
    String current = params.getOrDefault("sort", q == null ? "newest" : "relevance");
    for (String sort : SORTS) {
      if (!"relevance".equals(sort) || q != null) {
        sorts.add(Map.of("value", sort, "label", SORT_LABELS.get(sort), "url", links.with("sort", sort),
            "selected", sort.equals(current)));
      }
    }
    model.put("sorts", sorts);
    return model;
  }

  /** A facet's values as links that set the filter, or clear it when it is the one set. */
  private static List<Map<String, Object>> facet(JsonArray values, String filter, Map<String, String> params,
      SearchLinks links) {
    List<Map<String, Object>> facet = new ArrayList<>();
    if (values == null) {
      return facet;
    }
    String current = params.get(filter);
    for (Object item : values) {
      JsonObject value = (JsonObject) item;
      boolean selected = Objects.equals(current, value.getString("id")) || Objects.equals(current,
          value.getString("slug"));
      facet.add(Map.of("name", value.getString("name"), "count", value.getInteger("count", 0), "selected", selected,
          "url", links.with(filter, selected ? null : value.getString("slug"))));
    }
    return facet;
  }

  private List<Map<String, Object>> priceRanges(JsonArray ranges, Map<String, String> params, SearchLinks links) {
    List<Map<String, Object>> facet = new ArrayList<>();
    if (ranges == null) {
      return facet;
    }
    for (Object item : ranges) {
      JsonObject range = (JsonObject) item;
      String min = range.getString("min");
      String max = range.getString("max");
      boolean selected = Objects.equals(min, params.get("minPrice")) && Objects.equals(max, params.get("maxPrice"));
      String label = min == null ? "Under " + prices.format(max)
          : max == null ? prices.format(min) + " and up" : prices.format(min) + " – " + prices.format(max);
      facet.add(Map.of("name", label, "count", range.getInteger("count", 0), "selected", selected,
          "url", selected ? links.withPrices(null, null) : links.withPrices(min, max)));
    }
    return facet;
  }

  /** What the catalog refused, in a shopper's words: "The search text must be at most 100 characters". */
  private static String refusal(ServiceException error) {
    List<String> reasons = new ArrayList<>();
    for (Object item : error.details()) {
      JsonObject detail = (JsonObject) item;
      String field = detail.getString("field", "");
      reasons.add(FIELD_LABELS.getOrDefault(field, "The parameter " + field) + " " + detail.getString("message", ""));
    }
    return reasons.isEmpty() ? error.getMessage() : String.join("; ", reasons);
  }

  private static int page(String value) {
    try {
      int page = value == null ? 1 : Integer.parseInt(value);
      return Math.max(1, Math.min(MAX_PAGE, page));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
