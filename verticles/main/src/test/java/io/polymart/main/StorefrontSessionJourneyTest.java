package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.polymart.testing.HttpTestClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the storefront's session as a browser with JavaScript off sees it, over plain HTTP with a cookie jar: the
 * forms need the page's CSRF token, a failed form comes back with its error and without the password, the tokens
 * live in HttpOnly cookies, a page refreshes a session whose access token ran out, the API takes the cookies only
 * with the CSRF header, and every page of a signed-in shopper answers with HTML.
 */
class StorefrontSessionJourneyTest {
  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  private final HttpTestClient api = TestPlatform.client();

  @Test
  void signingInNeedsThePagesCsrfTokenShowsAFailureAgainAndKeepsTheSessionInHttpOnlyCookies() {
    String email = "browser." + UUID.randomUUID() + "@example.com";
    Users.register(api, email);
    Browser browser = new Browser();

    HttpResponse<String> forged = browser.post("/account/sign-in", Map.of("email", email, "password",
        Users.PASSWORD, "next", "/orders"));
    assertThat(forged.statusCode()).as("no CSRF token: the form again, empty").isEqualTo(303);
    assertThat(forged.headers().firstValue("location")).hasValue("/account/sign-in?expired=1");
    assertThat(browser.cookie("pm_at")).isNull();

    HttpResponse<String> form = browser.get("/account/sign-in?next=%2Forders");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"X-XSRF-TOKEN\" value=\"" + browser.cookie("XSRF-TOKEN") + "\"");
    HttpResponse<String> wrong = browser.post("/account/sign-in", Map.of("email", email, "password",
        "Wrong-Passw0rd", "next", "/orders", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("notice error", "value=\"" + email + "\"").doesNotContain("Wrong-Passw0rd");
    assertThat(browser.cookie("pm_at")).isNull();

    HttpResponse<String> signedIn = browser.post("/account/sign-in", Map.of("email", email, "password",
        Users.PASSWORD, "next", "/orders", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("location")).hasValue("/orders");
    List<String> set = signedIn.headers().allValues("set-cookie");
    assertThat(set).filteredOn(c -> c.startsWith("pm_at=") || c.startsWith("pm_rt=")).hasSize(2)
        .allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly").contains("SameSite=Lax", "Path=/"));
    HttpResponse<String> orders = browser.get("/orders");
    assertThat(orders.statusCode()).isEqualTo(200);
    assertThat(orders.body()).contains("Your orders", "Sign out");

    // only a path of this site is a place to go next
    browser.get("/account/sign-in");
    HttpResponse<String> elsewhere = browser.post("/account/sign-in", Map.of("email", email, "password",
        Users.PASSWORD, "next", "//evil.example/", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
    assertThat(elsewhere.headers().firstValue("location")).hasValue("/");

    HttpResponse<String> out = browser.post("/account/sign-out", Map.of("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(browser.cookie("pm_at")).isNull();
    assertThat(browser.get("/orders").statusCode()).as("signed out: sign in first").isEqualTo(303);
  }

  @Test
  void theApiTakesABrowsersCookiesOnlyWithTheCsrfHeaderAndAPageRefreshesASessionThatRanOut() {
    String email = "browser." + UUID.randomUUID() + "@example.com";
    Users.register(api, email);
    Browser browser = new Browser();
    browser.signIn(email);
    String addressBody = new JsonObject().put("receiver", "Grace <b>Hopper</b>").put("phone", "+15550001111")
        .put("province", "VA").put("city", "Arlington").put("district", "North").put("detail", "2 Navy Way")
        .encode();

    HttpResponse<String> noHeader = browser.send(browser.request("/api/v1/me/addresses")
        .POST(HttpRequest.BodyPublishers.ofString(addressBody)).header("Content-Type", "application/json"));
    assertThat(noHeader.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(noHeader.body()).getJsonObject("error").getString("code"))
        .isEqualTo("CSRF_TOKEN_MISSING");
    HttpResponse<String> wrongHeader = browser.send(browser.request("/api/v1/me/addresses")
        .POST(HttpRequest.BodyPublishers.ofString(addressBody)).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", "forged.1.token"));
    assertThat(wrongHeader.statusCode()).isEqualTo(403);
    HttpResponse<String> created = browser.send(browser.request("/api/v1/me/addresses")
        .POST(HttpRequest.BodyPublishers.ofString(addressBody)).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    // the access token is gone (it ran out): the page refreshes the session with the refresh cookie
    browser.forget("pm_at");
    HttpResponse<String> refreshed = browser.get("/orders");
    assertThat(refreshed.statusCode()).isEqualTo(200);
    assertThat(refreshed.body()).contains("Sign out");
    assertThat(browser.cookie("pm_at")).isNotNull();
    // a refresh token that no longer works ends the browser's session instead
    browser.forget("pm_at");
    browser.forget("pm_rt");
    browser.put("pm_rt", "not-a-refresh-token");
    HttpResponse<String> ended = browser.get("/orders");
    assertThat(ended.statusCode()).isEqualTo(303);
    assertThat(ended.headers().allValues("set-cookie")).anyMatch(c -> c.startsWith("pm_rt=;") && c.contains("Max-Age=0"));
  }

  @Test
  void everyShoppersPageAnswersWithHtmlWithoutJavaScript() {
    Browser guest = new Browser();
    for (String path : List.of("/cart", "/account/sign-in", "/account/register", "/account/sign-out")) {
      HttpResponse<String> page = guest.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("content-type")).as(path).hasValue("text/html; charset=utf-8");
    }
    assertThat(guest.get("/checkout").headers().firstValue("location"))
        .hasValue("/account/sign-in?next=%2Fcheckout");
    Browser shopper = new Browser();
    String email = "browser." + UUID.randomUUID() + "@example.com";
    Users.register(api, email);
    shopper.signIn(email);
    for (String path : List.of("/cart", "/checkout", "/orders", "/")) {
      assertThat(shopper.get(path).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(shopper.get("/orders/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    assertThat(shopper.get("/orders/not-an-id").statusCode()).isEqualTo(404);
  }

  @Test
  void anOrderItsReviewFormAndTheConsoleAnswerWithHtmlAndShowWhatShoppersWroteAsText() {
    Shop shop = new Shop();
    Shop.Sku sku = shop.stockedSku("12.00", 5);
    Shop.Buyer buyer = shop.buyer();
    HttpTestClient.Reply address = api.post("/api/v1/me/addresses").bearer(buyer.token()).json(new JsonObject()
        .put("receiver", HOSTILE + " Ada").put("phone", "+15550002222").put("province", "CA").put("city", "Oakland")
        .put("district", "Downtown").put("detail", "9 Broadway")).send();
    assertThat(address.status()).as(address.toString()).isEqualTo(201);
    String orderId = shop.placeOrder(buyer, UUID.randomUUID().toString(), Shop.items(sku, 1)
        .put("addressId", address.json().getString("id"))).json().getString("id");
    shop.pay(buyer, orderId, "success", null);
    shop.awaitStatus(buyer, orderId, "PAID");

    Browser shopper = new Browser();
    shopper.signIn(buyer.session().email(), Users.PASSWORD);
    HttpResponse<String> order = shopper.get("/orders/" + orderId);
    assertThat(order.statusCode()).isEqualTo(200);
    assertThat(order.body()).contains(ESCAPED + " Ada", "Paid").doesNotContain(HOSTILE);
    assertThat(shopper.get("/review?product=" + sku.productId() + "&sku=" + sku.skuId()).statusCode())
        .isEqualTo(200);
    assertThat(shopper.get("/admin").statusCode()).as("the console is for staff").isEqualTo(403);

    Browser admin = new Browser();
    admin.signIn(TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
    HttpResponse<String> console = admin.get("/admin");
    assertThat(console.statusCode()).isEqualTo(200);
    assertThat(console.body()).contains("<svg class=\"chart\"", ESCAPED + " Ada, Oakland").doesNotContain(HOSTILE);
    HttpResponse<String> stock = admin.get("/admin/products/" + sku.productId());
    assertThat(stock.statusCode()).isEqualTo(200);
    assertThat(stock.body()).contains("data-api=\"POST /api/v1/skus/" + sku.skuId() + "/stock\"");
  }

  /** A browser without JavaScript: a cookie jar, no redirects followed. */
  private static final class Browser {
    private final CookieManager jar = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(jar)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create(TestPlatform.baseUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> get(String path) {
      return send(request(path).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
      String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    void signIn(String email) {
      signIn(email, Users.PASSWORD);
    }

    void signIn(String email, String password) {
      get("/account/sign-in");
      HttpResponse<String> done = post("/account/sign-in", Map.of("email", email, "password", password,
          "X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
      assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    }

    String cookie(String name) {
      return jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
          .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    void forget(String name) {
      jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
          .forEach(c -> jar.getCookieStore().remove(null, c));
    }

    void put(String name, String value) {
      HttpCookie cookie = new HttpCookie(name, value);
      cookie.setPath("/");
      cookie.setVersion(0);
      jar.getCookieStore().add(URI.create(TestPlatform.baseUrl()), cookie);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
