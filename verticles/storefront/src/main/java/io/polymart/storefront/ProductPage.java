package io.polymart.storefront;

import io.polymart.core.client.CatalogProductClient;
import io.polymart.core.client.RecommendationsClient;
import io.polymart.core.client.ReviewsClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A product's page: gallery, SKUs with their price and stock, description and specifications, the rating summary
 * with its histogram, reviews (sorted and filtered by stars through plain links), bought- and viewed-together, and
 * the {@code Product} JSON-LD. Serving it publishes the visitor's view (the catalog does, as for the API).
 */
final class ProductPage {
  static final String PREFIX = "/products/";
  private static final int RELATED = 8;
  private static final int REVIEWS = 10;
  private static final Map<String, String> REVIEW_SORTS = Map.of("helpful", "Most helpful", "newest", "Newest",
      "rating_desc", "Highest rated", "rating_asc", "Lowest rated");
  private final CatalogProductClient catalog;
  private final ReviewsClient reviews;
  private final RecommendationsClient recommendations;
  private final ProductCards cards;
  private final Prices prices;
  private final String currency;

  ProductPage(CatalogProductClient catalog, ReviewsClient reviews, RecommendationsClient recommendations,
      ProductCards cards, Prices prices, String currency) {
    this.catalog = catalog;
    this.reviews = reviews;
    this.recommendations = recommendations;
    this.cards = cards;
    this.prices = prices;
    this.currency = currency;
  }

  Future<Page> render(PageRequest request, String id) {
    if (!Fields.isUuid(id)) {
      return Future.succeededFuture(Page.notFound("product"));
    }
    String asked = request.param("reviews");
    String sort = asked != null && REVIEW_SORTS.containsKey(asked) ? asked : "helpful";
    String stars = request.param("stars");
    JsonObject reviewQuery = new JsonObject().put("sort", sort).put("size", Integer.toString(REVIEWS));
    if (stars != null && stars.matches("[1-5]")) {
      reviewQuery.put("rating", stars);
    } else {
      stars = null;
    }
    String starFilter = stars;
    Future<Optional<JsonObject>> product = catalog.activePage(id, request.shopper());
    Future<JsonObject> summary = Sections.orNull(reviews.summary(id), "review summary");
    Future<JsonObject> list = Sections.orNull(reviews.list(id, reviewQuery), "reviews");
    Future<JsonArray> bought = Sections.orEmpty(recommendations.forProduct(id, "bought-together", RELATED),
        "bought-together products");
    Future<JsonArray> viewed = Sections.orEmpty(recommendations.forProduct(id, "viewed-together", RELATED),
        "viewed-together products");
    return Future.all(product, summary, list, bought, viewed).map(all -> product.result()
        .map(found -> model(found, summary.result(), list.result(), sort, starFilter, bought.result(),
            viewed.result(), request.param("reviewed") != null))
        .orElseGet(() -> Page.notFound("product")));
  }

  private Page model(JsonObject product, JsonObject summary, JsonObject reviewList, String sort, String stars,
      JsonArray bought, JsonArray viewed, boolean reviewed) {
    String url = PREFIX + product.getString("id");
    Map<String, Object> model = new HashMap<>();
    model.put("reviewed", reviewed);
    model.put("title", product.getString("name"));
    model.put("product", Fields.plain(product));
    model.put("price", prices.format(product.getString("price")));
    model.put("images", images(Fields.array(product, "images")));
    model.put("skus", skus(Fields.array(product, "skus")));
    JsonObject details = Fields.object(product, "details");
    JsonObject longDescription = details.getJsonObject("longDescription");
    model.put("longDescription", longDescription == null ? null : Markdown.toHtml(longDescription.getString("content")));
    model.put("specifications", Fields.plain(Fields.array(details, "specifications")));
    model.put("packageContents", Fields.plain(Fields.array(details, "packageContents")));
    model.put("rating", Ratings.of(product.getJsonObject("rating")));
    model.put("histogram", histogram(summary, url));
    model.put("reviews", reviewList == null ? List.of() : Fields.array(reviewList, "items").stream()
        .map(item -> review((JsonObject) item)).toList());
    model.put("reviewsAvailable", reviewList != null);
    model.put("reviewTotal", reviewList == null ? 0 : reviewList.getInteger("total", 0));
    model.put("reviewSorts", REVIEW_SORTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(entry -> Map.of("label", entry.getValue(), "selected", entry.getKey().equals(sort),
            "url", url + "?reviews=" + entry.getKey() + (stars == null ? "" : "&stars=" + stars) + "#reviews"))
        .toList());
    model.put("stars", stars);
    model.put("allReviews", url + "?reviews=" + sort + "#reviews");
    model.put("boughtTogether", cards.cards(bought));
    model.put("viewedTogether", cards.cards(viewed));
    model.put("jsonLd", ProductJsonLd.of(product, summary, currency));
    return Page.ok("product", model);
  }

  private static List<Map<String, Object>> images(JsonArray images) {
    List<Map<String, Object>> gallery = new ArrayList<>();
    for (Object item : images) {
      JsonObject image = (JsonObject) item;
      JsonObject urls = Fields.object(image, "urls");
      int width = image.getInteger("width", 0);
      Map<String, Object> picture = new HashMap<>();
      picture.put("src", urls.getString("medium"));
      picture.put("thumbnail", urls.getString("thumbnail"));
      picture.put("original", urls.getString("original"));
      // the renditions' widths (thumbnail 200, medium 600, original as uploaded) let the browser pick
      picture.put("srcset", urls.getString("thumbnail") + " 200w, " + urls.getString("medium") + " 600w"
          + (width > 600 ? ", " + urls.getString("original") + " " + width + "w" : ""));
      gallery.add(picture);
    }
    return gallery;
  }

  /** The SKUs to choose from; the first one in stock is chosen already. */
  private List<Map<String, Object>> skus(JsonArray skus) {
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean chosen = false;
    for (Object item : skus) {
      JsonObject sku = (JsonObject) item;
      JsonObject attributes = Fields.object(sku, "attributes");
      Map<String, Object> row = new HashMap<>();
      row.put("id", sku.getString("id"));
      row.put("code", sku.getString("code"));
      row.put("label", attributes.isEmpty() ? sku.getString("code") : Fields.attributesText(attributes));
      row.put("price", prices.format(sku.getString("price")));
      row.put("originalPrice", prices.format(sku.getString("originalPrice")));
      int available = sku.getInteger("available", 0);
      row.put("available", available);
      row.put("checked", available > 0 && !chosen);
      chosen |= available > 0;
      row.put("stock", available == 0 ? "Out of stock"
          : available <= sku.getInteger("lowStockThreshold", 0) ? "Only " + available + " left" : "In stock");
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> histogram(JsonObject summary, String url) {
    if (summary == null || summary.getInteger("count", 0) == 0) {
      return List.of();
    }
    JsonObject histogram = Fields.object(summary, "histogram");
    int count = summary.getInteger("count");
    List<Map<String, Object>> bars = new ArrayList<>();
    for (int stars = 5; stars >= 1; stars--) {
      int n = histogram.getInteger(Integer.toString(stars), 0);
      // a width class in steps of 5 %: the CSP allows no inline style
      int percent = (int) Math.round(100.0 * n / count / 5) * 5;
      bars.add(Map.of("stars", Integer.toString(stars), "count", n, "width", percent,
          "url", url + "?stars=" + stars + "#reviews"));
    }
    return bars;
  }

  private static Map<String, Object> review(JsonObject review) {
    Map<String, Object> model = new HashMap<>();
    model.put("id", review.getString("id"));
    model.put("stars", Ratings.stars(review.getInteger("rating", 0)));
    model.put("title", review.getString("title"));
    model.put("body", review.getString("body"));
    JsonObject author = Fields.object(review, "author");
    model.put("author", author.getString("displayName", "A customer"));
    model.put("verified", review.getBoolean("verified", false));
    String createdAt = review.getString("createdAt", "");
    model.put("date", createdAt.length() >= 10 ? createdAt.substring(0, 10) : createdAt);
    model.put("helpful", review.getInteger("helpfulCount", 0));
    JsonObject sku = review.getJsonObject("sku");
    JsonObject attributes = sku == null ? null : sku.getJsonObject("attributes");
    model.put("variant", attributes == null ? null : Fields.attributesText(attributes));
    JsonObject reply = review.getJsonObject("reply");
    model.put("reply", reply == null ? null : reply.getString("body"));
    model.put("images", Fields.plain(Fields.array(review, "images")));
    return model;
  }
}
