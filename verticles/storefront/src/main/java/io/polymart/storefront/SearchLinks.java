package io.polymart.storefront;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The search page's links: its own parameters with one or two changed, so that every facet, sort and page is a
 * plain, shareable URL. Changing a filter goes back to the first page.
 */
final class SearchLinks {
  static final String PATH = "/search";
  private final Map<String, String> current;

  SearchLinks(Map<String, String> current) {
    this.current = new LinkedHashMap<>(current);
  }

  /** The search with {@code name} set to {@code value} (null: without it), from its first page. */
  String with(String name, String value) {
    Map<String, String> next = new LinkedHashMap<>(current);
    next.remove("page");
    put(next, name, value);
    return url(next);
  }

  /** The search with a price range set (either bound may be null), from its first page. */
  String withPrices(String min, String max) {
    Map<String, String> next = new LinkedHashMap<>(current);
    next.remove("page");
    put(next, "minPrice", min);
    put(next, "maxPrice", max);
    return url(next);
  }

  /** The same search on another page. */
  String page(int page) {
    Map<String, String> next = new LinkedHashMap<>(current);
    put(next, "page", page == 1 ? null : Integer.toString(page));
    return url(next);
  }

  private static void put(Map<String, String> params, String name, String value) {
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, value);
    }
  }

  private static String url(Map<String, String> params) {
    if (params.isEmpty()) {
      return PATH;
    }
    StringJoiner query = new StringJoiner("&", PATH + "?", "");
    params.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return query.toString();
  }
}
