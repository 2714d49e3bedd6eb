package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the storefront's pages through the gateway on the whole platform, read as plain HTTP (as a browser with
 * JavaScript off, or a search engine, reads them): every page answers 200 with HTML, the visitor cookie makes the
 * views one visitor's, what sellers write is text, and the API keeps its JSON errors.
 */
class StorefrontPagesJourneyTest {
  private static final String HOSTILE = "<script>alert(1)</script>";
  private final CatalogFixtures fx = new CatalogFixtures();

  @Test
  void aGuestSearchesWithATypoFiltersOpensAProductAndTheirViewIsPublishedForTheirCookie() {
    JsonObject category = fx.ownCategory("lanterns");
    String tag = CatalogFixtures.word(6);
    String name = "Brightwater Lantern " + tag;
    JsonObject product = fx.publishedProduct(fx.seller(), name, category.getString("id"), "24.50");
    String productId = product.getString("id");

    HttpResponse<String> home = get("/", null);
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(home.headers().firstValue("content-security-policy").orElse("")).contains("script-src 'self'");
    String cookie = visitorCookie(home);
    assertThat(cookie).as(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax", "Path=/");
    String visitor = cookie.substring("pm_vid=".length(), cookie.indexOf(';'));
    assertThat(home.body()).contains("<form class=\"search\" action=\"/search\"", category.getString("name"));

    // "Brightwatr" misses a letter: the catalog's typo tolerance finds it
    HttpResponse<String> search = get("/search?q=" + URLEncoder.encode("Brightwatr Lantern " + tag,
        StandardCharsets.UTF_8), visitor);
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.headers().allValues("set-cookie")).as("a known visitor keeps their id")
        .noneMatch(c -> c.startsWith("pm_vid="));
    assertThat(search.body()).contains(name, "$24.50", "href=\"/products/" + productId + "\"");
    String categoryLink = link(search.body(), "category=" + category.getString("slug"));
    HttpResponse<String> filtered = get(categoryLink.replace("&amp;", "&"), visitor);
    assertThat(filtered.body()).contains(name, "class=\"selected\"");

    HttpResponse<String> page = get("/products/" + productId, visitor);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>" + name + "</h1>", "application/ld+json", "In stock");
    List<JsonObject> views = ActivityEventsTest.eventsOf(productId, read -> read.stream()
        .anyMatch(e -> visitor.equals(e.getJsonObject("data").getString("visitorId"))));
    assertThat(views).extracting(e -> e.getString("type")).contains("ProductViewed");

    String css = link(home.body(), "/assets/site.");
    HttpResponse<String> stylesheet = get(css, visitor);
    assertThat(stylesheet.statusCode()).isEqualTo(200);
    assertThat(stylesheet.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
    assertThat(get("/assets/site.css", visitor).statusCode()).isEqualTo(404);
  }

  @Test
  void theVisitorCookieIsSecureWhenTheTrustedProxySaysTheBrowserCameOverTls() {
    // the test platform trusts the forwarded headers, as a node behind a TLS proxy is configured
    HttpRequest overTls = HttpRequest.newBuilder(URI.create(TestPlatform.baseUrl() + "/"))
        .header("X-Forwarded-Proto", "https").timeout(Duration.ofSeconds(30)).GET().build();
    assertThat(visitorCookie(send(overTls))).containsIgnoringCase("; Secure");
    assertThat(visitorCookie(get("/", null))).doesNotContainIgnoringCase("Secure");
  }

  private static String visitorCookie(HttpResponse<String> page) {
    return page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("pm_vid=")).findFirst()
        .orElseThrow();
  }

  @Test
  void whatASellerWroteIsTextOnEveryPage() {
    JsonObject category = fx.ownCategory("hostile");
    String name = HOSTILE + " Mug " + CatalogFixtures.word(6);
    JsonObject product = fx.publishedProduct(fx.seller(), name, category.getString("id"), "3.00");
    for (String path : List.of("/products/" + product.getString("id"),
        "/search?category=" + category.getString("slug"))) {
      HttpResponse<String> page = get(path, null);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt; Mug");
    }
  }

  @Test
  void unknownPagesAre404PagesWhileTheApiKeepsItsJsonErrors() {
    HttpResponse<String> missing = get("/no/such/page", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    HttpResponse<String> api = get("/api/v1/no-such-thing", null);
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(api.body()).getJsonObject("error").getString("code")).isEqualTo("NOT_FOUND");
    assertThat(get("/products/" + java.util.UUID.randomUUID(), null).statusCode()).isEqualTo(404);
    assertThat(get("/search?q=" + "x".repeat(101), null).statusCode()).isEqualTo(400);
  }

  private static String link(String html, String containing) {
    Matcher href = Pattern.compile("href=\"([^\"]*" + Pattern.quote(containing) + "[^\"]*)\"").matcher(html);
    assertThat(href.find()).as("a link with " + containing).isTrue();
    return href.group(1);
  }

  private static HttpResponse<String> get(String path, String visitor) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestPlatform.baseUrl() + path))
        .timeout(Duration.ofSeconds(30)).GET();
    if (visitor != null) {
      request.header("Cookie", "pm_vid=" + visitor);
    }
    return send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CatalogFixtures.rawClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

}
