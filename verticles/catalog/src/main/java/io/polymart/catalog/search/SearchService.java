package io.polymart.catalog.search;

import io.polymart.catalog.cache.CacheHits;
import io.polymart.core.bus.BusReply;
import io.polymart.core.db.ReadReplicas;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Product search with facets, search-as-you-type suggestions, and the most searched keywords. */
public final class SearchService {
  static final String HOT_KEY = "catalog:search:hot";
  private static final int HOT_KEEP = 1000;
  private static final int HOT_SHOWN = 10;
  /** Enough to fill the list when older entries that may not show are among the top ones. */
  private static final int HOT_READ = 50;
  private static final int SUGGESTIONS = 10;
  private final ReadReplicas reads;
  private final SearchRepository search;
  private final RedisAPI redis;
  private final TypoCorrector corrector;
  private final String mediaPrefix;
  private final SearchResults results;
  private final CacheHits cacheHits;
  private final HotSearchCounts hotCounts;

  public SearchService(ReadReplicas reads, SearchRepository search, RedisAPI redis, TypoCorrector corrector,
      String mediaPrefix, SearchResults results, CacheHits cacheHits) {
    this.reads = reads;
    this.results = results;
    this.cacheHits = cacheHits;
    this.search = search;
    this.redis = redis;
    this.hotCounts = new HotSearchCounts(redis, HOT_KEY, HOT_KEEP);
    this.corrector = corrector;
    this.mediaPrefix = mediaPrefix;
  }

  /** The page of results with facets, from the cache of recent answers when the catalog has not changed since. */
  public Future<BusReply> search(SearchQuery query) {
    return results.get(query, () -> run(query)).map(lookup -> {
      cacheHits.record(lookup.hit());
      String keyword = HotKeywords.keyword(query.text());
      if (keyword != null && lookup.result().total() > 0 && query.paging().page() == 1) {
        hotCounts.count(keyword);
      }
      return BusReply.encoded(lookup.result().json(), Map.of(BusReply.X_CACHE, lookup.hit() ? "HIT" : "MISS"));
    });
  }

  private Future<SearchResults.Result> run(SearchQuery query) {
    List<String> latin = query.tokens().stream().filter(t -> !SearchTerms.isCjk(t)).toList();
    return reads.read(client -> corrector.corrections(client, latin)
        .compose(corrections -> search.search(client, new SearchStatement(query, corrections, mediaPrefix))))
        .map(row -> {
          long total = row.getLong("total");
          JsonObject answer = query.paging().page((JsonArray) row.getValue("items"), total)
              .put("facets", new JsonObject()
                  .put("brands", row.getValue("brands"))
                  .put("categories", row.getValue("categories"))
                  .put("priceRanges", priceRanges((JsonObject) row.getValue("price_ranges"))));
          return new SearchResults.Result(answer.toBuffer(), total);
        });
  }

  private static JsonArray priceRanges(JsonObject counts) {
    JsonArray ranges = new JsonArray();
    for (SearchStatement.PriceRange range : SearchStatement.PRICE_RANGES) {
      ranges.add(new JsonObject().put("key", range.key())
          .put("min", range.min() == null ? null : range.min() + ".00")
          .put("max", range.max() == null ? null : range.max() + ".00")
          .put("count", counts.getLong(range.key(), 0L)));
    }
    return ranges;
  }

  /**
   * Product names that start with what was typed, then known words that complete it, then names that contain it;
   * best sellers first within each.
   */
  public Future<JsonObject> suggest(String typed) {
    String text = typed.trim().toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      return Future.succeededFuture(new JsonObject().put("items", new JsonArray()));
    }
    if (text.length() > SearchQuery.MAX_TEXT) {
      throw ServiceException.invalidField("q", "must be at most " + SearchQuery.MAX_TEXT + " characters");
    }
    return reads.read(client -> search.suggestions(client, text, SUGGESTIONS))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(row.getString("suggestion")));
          return new JsonObject().put("items", items);
        });
  }

  /**
   * The {@value #HOT_SHOWN} most searched keywords. Entries counted before {@link HotKeywords} decided what may show
   * are passed over, not shown.
   */
  public Future<JsonObject> hot() {
    return redis.zrevrange(List.of(HOT_KEY, "0", Integer.toString(HOT_READ - 1), "WITHSCORES")).map(response -> {
      JsonArray items = new JsonArray();
      if (response.size() > 0 && response.get(0).type() == ResponseType.MULTI) {
        for (Response pair : response) { // RESP3: [[member, score], ...]
          add(items, pair.get(0), pair.get(1));
        }
      } else {
        for (int i = 0; i + 1 < response.size(); i += 2) { // RESP2: [member, score, ...]
          add(items, response.get(i), response.get(i + 1));
        }
      }
      return new JsonObject().put("items", items);
    });
  }

  private static void add(JsonArray items, Response member, Response score) {
    String keyword = member.toString();
    if (items.size() < HOT_SHOWN && keyword.equals(HotKeywords.keyword(keyword))) {
      items.add(new JsonObject().put("keyword", keyword).put("count", (long) Double.parseDouble(score.toString())));
    }
  }
}
