package io.polymart.storefront;

import static io.polymart.testing.BusTestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.polymart.core.bus.Addresses;
import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.config.ConfigLoader;
import io.polymart.core.error.ServiceException;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storefront's pages rendered from the other verticles' answers (stood in for by {@link ShopStub}), read as the
 * gateway reads them: status and HTML.
 */
class StorefrontPagesTest {
  private static final String VISITOR = "visitor-0123456789";
  private static final String HOSTILE = "<script>alert('x')</script>";
  private static Vertx vertx;
  private static ShopStub shop;

  record Rendered(int status, String html) {
  }

  @BeforeAll
  static void deploy() {
    vertx = Vertx.vertx();
    shop = new ShopStub(vertx);
    JsonObject config = ConfigLoader.defaults();
    config.getJsonObject("storefront").put("pageSize", 24);
    await(vertx.deployVerticle(StorefrontVerticle.class, new DeploymentOptions().setConfig(config)));
  }

  @AfterAll
  static void close() {
    await(vertx.close());
  }

  @BeforeEach
  void reset() {
    shop.reset();
    shop.answer(Addresses.CATALOG_CATEGORIES_LIST, new JsonObject().put("items", new JsonArray()
        .add(category("Phones & Electronics / 手机数码", "phones-electronics")
            .put("children", new JsonArray().add(category("Smartphones / 手机", "smartphones"))))));
    shop.answer(Addresses.RECS_TRENDING, recommendations("trending", "Trending Kettle"));
    shop.answer(Addresses.RECS_FOR_YOU, recommendations("trending", "Trending Kettle"));
    shop.answer(Addresses.RECS_PRODUCT, recommendations("bought-together", "Matching Case"));
  }

  @Test
  void theHomePageShowsWhatIsTrendingAndTheCategoriesAndForYouOnlyWhenItIsPersonal() {
    Rendered home = page("/", new JsonObject());
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.html()).contains("Trending today", "Trending Kettle", "$1,299.00",
        "href=\"/search?category=smartphones\"", "Smartphones / 手机")
        .as("a newcomer's for-you is the trending list: shown once").doesNotContain("For you");
    assertThat(shop.requests(Addresses.RECS_FOR_YOU).get(0).headers().get(BusHeaders.VISITOR_ID)).isEqualTo(VISITOR);

    shop.answer(Addresses.RECS_FOR_YOU, recommendations("for-you", "Picked Headphones"));
    assertThat(page("/", new JsonObject()).html()).contains("For you", "Picked Headphones");
  }

  @Test
  void aSearchShowsItsFacetsSortsAndPagesAsShareableLinks() {
    shop.answer(Addresses.CATALOG_PRODUCTS_SEARCH, new JsonObject().put("total", 50).put("page", 2).put("size", 24)
        .put("items", new JsonArray().add(product("Orbitek Solis 8", "3599.00")))
        .put("facets", new JsonObject()
            .put("brands", new JsonArray().add(facet("Orbitek", "orbitek", 5)).add(facet("华锐 Huarui", "huarui", 7)))
            .put("categories", new JsonArray().add(facet("Smartphones / 手机", "smartphones", 13)))
            .put("priceRanges", new JsonArray()
                .add(new JsonObject().put("key", "0-50").put("min", null).put("max", "50.00").put("count", 2))
                .add(new JsonObject().put("key", "1000+").put("min", "1000.00").put("max", null).put("count", 14)))));
    Rendered search = page("/search", new JsonObject().put("q", "phnoe").put("brand", "huarui").put("page", "2")
        .put("sort", "not-a-sort"));
    assertThat(search.status()).isEqualTo(200);
    JsonObject asked = shop.requests(Addresses.CATALOG_PRODUCTS_SEARCH).get(0).body().getJsonObject("query");
    assertThat(asked).isEqualTo(new JsonObject().put("size", "24").put("q", "phnoe").put("brand", "huarui")
        .put("page", "2"));
    assertThat(search.html()).contains("50 products for “phnoe”", "Orbitek Solis 8", "$3,599.00",
        // another brand replaces the filter, from the first page; the one set clears it
        "href=\"/search?q=phnoe&amp;brand=orbitek\"", "href=\"/search?q=phnoe\" class=\"selected\"",
        "href=\"/search?q=phnoe&amp;brand=huarui&amp;category=smartphones\"",
        "Under $50.00", "$1,000.00 and up", "href=\"/search?q=phnoe&amp;brand=huarui&amp;minPrice=1000.00\"",
        "href=\"/search?q=phnoe&amp;brand=huarui&amp;sort=price_asc\"",
        "Page 2 of 3", "href=\"/search?q=phnoe&amp;brand=huarui\" rel=\"prev\"",
        "href=\"/search?q=phnoe&amp;brand=huarui&amp;page=3\" rel=\"next\"");
  }

  @Test
  void aParameterTheCatalogRefusesIsShownWithItsMessageAndNothingFoundOffersAWayOut() {
    shop.fail(Addresses.CATALOG_PRODUCTS_SEARCH, ServiceException.invalidField("q", "must be at most 100 characters"));
    Rendered refused = page("/search", new JsonObject().put("q", "x".repeat(101)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html()).contains("role=\"alert\"", "The search text must be at most 100 characters");

    shop.answer(Addresses.CATALOG_PRODUCTS_SEARCH, new JsonObject().put("total", 0).put("items", new JsonArray())
        .put("facets", new JsonObject()));
    Rendered none = page("/search", new JsonObject().put("q", "zzzz").put("brand", "orbitek"));
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.html()).contains("No products found for “zzzz”", "Check the spelling",
        "href=\"/search?q=zzzz\">Search without the filters", "Trending Kettle");
  }

  @Test
  void aProductPageShowsItsSkusDetailsReviewsAndRelatedProductsAndCountsTheView() {
    String id = UUID.randomUUID().toString();
    shop.answer(Addresses.CATALOG_PRODUCT_GET, productPage(id, "Linen & Loom Silk Blouse"));
    shop.answer(Addresses.REVIEWS_SUMMARY, new JsonObject().put("count", 4).put("average", 4.5)
        .put("histogram", new JsonObject().put("5", 2).put("4", 2).put("3", 0).put("2", 0).put("1", 0)));
    shop.answer(Addresses.REVIEWS_LIST, new JsonObject().put("total", 1).put("items", new JsonArray()
        .add(review("Good value", "Solid build"))));
    Rendered product = page("/products/" + id, new JsonObject().put("stars", "5"));
    assertThat(product.status()).isEqualTo(200);
    assertThat(product.html()).contains("<h1>Linen &amp; Loom Silk Blouse</h1>", "size: S · color: Beige", "$799.00",
        "$1,099.00", "In stock", "Out of stock", "Material", "Wool blend", "1 × Blouse", "Good value",
        "Verified purchase", "Bought together", "Matching Case", "fill w50", "<h4>Details</h4>",
        "srcset=\"/media/t.jpg 200w, /media/m.jpg 600w, /media/o.jpg 1200w\"",
        "\"@type\":\"AggregateRating\"", "\"ratingValue\":4.5");
    Message<JsonObject> asked = shop.requests(Addresses.CATALOG_PRODUCT_GET).get(0);
    assertThat(asked.headers().get(BusHeaders.VISITOR_ID)).as("the catalog publishes the view").isEqualTo(VISITOR);
    assertThat(shop.requests(Addresses.REVIEWS_LIST).get(0).body().getJsonObject("query"))
        .isEqualTo(new JsonObject().put("sort", "helpful").put("size", "10").put("rating", "5"));
  }

  @Test
  void whatUsersWroteIsTextNeverMarkup() {
    String id = UUID.randomUUID().toString();
    shop.answer(Addresses.CATALOG_PRODUCT_GET, productPage(id, HOSTILE + " Blouse"));
    shop.answer(Addresses.REVIEWS_LIST, new JsonObject().put("total", 1).put("items", new JsonArray()
        .add(review(HOSTILE, "</script><img src=x onerror=alert(1)>"))));
    Rendered product = page("/products/" + id, new JsonObject());
    assertThat(product.html()).doesNotContain("<script>alert", "<img src=x")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Blouse", "&lt;img src=x onerror=alert(1)&gt;")
        .as("the JSON-LD cannot be closed by a name").contains("\\u003cscript\\u003e");
    assertThat(product.html().split("</script>", -1)).as("only the layout's script and the JSON-LD close")
        .hasSize(3);

    shop.answer(Addresses.CATALOG_PRODUCTS_SEARCH, new JsonObject().put("total", 1)
        .put("items", new JsonArray().add(product(HOSTILE, "1.00"))).put("facets", new JsonObject()));
    assertThat(page("/search", new JsonObject().put("q", HOSTILE)).html()).doesNotContain("<script>alert")
        .contains("value=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\"");
  }

  @Test
  void whatIsNotThereIsA404PageAndAMissingServiceOnlyItsSection() {
    shop.fail(Addresses.CATALOG_PRODUCT_GET, ServiceException.notFound("Product not found"));
    assertThat(page("/products/" + UUID.randomUUID(), new JsonObject()).status()).isEqualTo(404);
    assertThat(page("/products/not-a-uuid", new JsonObject()).status()).isEqualTo(404);
    assertThat(page("/no/such/page", new JsonObject())).satisfies(missing -> {
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.html()).contains("There is no such page here");
    });

    shop.unbind(Addresses.RECS_TRENDING);
    shop.unbind(Addresses.RECS_FOR_YOU);
    Rendered withoutRecommendations = page("/", new JsonObject());
    assertThat(withoutRecommendations.status()).isEqualTo(200);
    assertThat(withoutRecommendations.html()).contains("Smartphones / 手机").doesNotContain("Trending today");

    shop.unbind(Addresses.CATALOG_CATEGORIES_LIST);
    Rendered withoutCatalog = page("/", new JsonObject());
    assertThat(withoutCatalog.status()).isEqualTo(503);
    assertThat(withoutCatalog.html()).contains("Back in a moment");
  }

  @Test
  void aSectionThatDoesNotAnswerHoldsThePageUpForASecondAtMost() {
    String id = UUID.randomUUID().toString();
    shop.answer(Addresses.CATALOG_PRODUCT_GET, productPage(id, "Slow Reviews Lamp"));
    shop.hang(Addresses.REVIEWS_LIST);
    shop.hang(Addresses.REVIEWS_SUMMARY);
    shop.hang(Addresses.RECS_PRODUCT);
    long started = System.nanoTime();
    Rendered product = page("/products/" + id, new JsonObject());
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(product.status()).isEqualTo(200);
    assertThat(product.html()).contains("Slow Reviews Lamp", "Reviews cannot be shown right now")
        .doesNotContain("Bought together");
    assertThat(tookMillis).as("the bus would wait 15 s").isBetween(Sections.WAIT_MILLIS, 10_000L);
  }

  @Test
  void assetsAreServedByTheirContentHashedNamesOnly() {
    Rendered home = page("/", new JsonObject());
    String css = home.html().replaceAll("(?s).*href=\"/assets/(site\\.[0-9a-f]{10}\\.css)\".*", "$1");
    JsonObject asset = await(vertx.eventBus().<JsonObject>request(Addresses.STOREFRONT_ASSET,
        BusRequest.envelope(new JsonObject().put("name", css)))).body();
    assertThat(asset.getString("contentType")).isEqualTo("text/css; charset=utf-8");
    assertThat(asset.getString("content")).contains(".cards");
    Throwable missing = await(vertx.eventBus().request(Addresses.STOREFRONT_ASSET,
        BusRequest.envelope(new JsonObject().put("name", "site.css"))).transform(done ->
        io.vertx.core.Future.succeededFuture(done.cause())));
    assertThat(((ReplyException) missing).failureCode()).isEqualTo(404);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static Rendered page(String path, JsonObject query) {
    JsonObject body = new JsonObject().put("path", path).put("query", query).put("viewer", new JsonObject().put("visitorId", VISITOR));
    JsonObject reply = await(vertx.eventBus().<JsonObject>request(Addresses.STOREFRONT_PAGE,
        BusRequest.envelope(body))).body();
    return new Rendered(reply.getInteger("status"), reply.getString("html"));
  }

  private static JsonObject category(String name, String slug) {
    return new JsonObject().put("id", UUID.randomUUID().toString()).put("name", name).put("slug", slug)
        .put("children", new JsonArray());
  }

  private static JsonObject facet(String name, String slug, int count) {
    return new JsonObject().put("id", UUID.randomUUID().toString()).put("name", name).put("slug", slug)
        .put("count", count);
  }

  private static JsonObject recommendations(String reason, String name) {
    return new JsonObject().put("items", new JsonArray().add(new JsonObject().put("id", UUID.randomUUID().toString())
        .put("name", name).put("slug", "x").put("price", "1299.00").put("image", "/media/k.jpg")
        .put("rating", new JsonObject().put("average", 4.2).put("count", 3)).put("reason", reason)));
  }

  private static JsonObject product(String name, String price) {
    return new JsonObject().put("id", UUID.randomUUID().toString()).put("name", name).put("price", price)
        .put("originalPrice", null).put("rating", new JsonObject().put("average", 3).put("count", 2))
        .put("image", new JsonObject().put("medium", "/media/m.jpg"));
  }

  private static JsonObject productPage(String id, String name) {
    return new JsonObject().put("id", id).put("name", name).put("description", "A tailored fit").put("status", "ACTIVE")
        .put("category", new JsonObject().put("name", "Women's Clothing / 女装").put("slug", "womens-clothing"))
        .put("brand", new JsonObject().put("name", "Linen & Loom").put("slug", "linen-and-loom"))
        .put("rating", new JsonObject().put("average", 4.5).put("count", 4)).put("price", "799.00")
        .put("skus", new JsonArray()
            .add(new JsonObject().put("id", UUID.randomUUID().toString()).put("code", "DM-1")
                .put("attributes", new JsonObject().put("size", "S").put("color", "Beige")).put("price", "799.00")
                .put("originalPrice", "1099.00").put("available", 323).put("lowStockThreshold", 5))
            .add(new JsonObject().put("id", UUID.randomUUID().toString()).put("code", "DM-2")
                .put("attributes", new JsonObject().put("size", "M").put("color", "Beige")).put("price", "819.00")
                .put("available", 0).put("lowStockThreshold", 5)))
        .put("images", new JsonArray().add(new JsonObject().put("width", 1200).put("urls", new JsonObject()
            .put("original", "/media/o.jpg").put("medium", "/media/m.jpg").put("thumbnail", "/media/t.jpg"))))
        .put("details", new JsonObject()
            .put("longDescription", new JsonObject().put("format", "markdown").put("content", "## Details"))
            .put("specifications", new JsonArray().add(new JsonObject().put("name", "Material").put("value", "Wool blend")))
            .put("packageContents", new JsonArray().add("1 × Blouse")));
  }

  private static JsonObject review(String title, String body) {
    return new JsonObject().put("id", UUID.randomUUID().toString()).put("rating", 4).put("title", title)
        .put("body", body).put("author", new JsonObject().put("displayName", "Customer 1")).put("verified", true)
        .put("createdAt", "2026-12-04T16:32:51.411Z").put("helpfulCount", 3);
  }

}
