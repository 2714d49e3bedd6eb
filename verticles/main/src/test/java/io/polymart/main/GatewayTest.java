package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTest {
  private final HttpTestClient http = TestPlatform.client();

  @Test
  void healthAndReadinessAnswerWithEveryBackendUp() {
    Reply health = http.get("/health").send();
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().getString("status")).isEqualTo("up");

    Reply ready = http.get("/ready").send();
    assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
    JsonObject backends = ready.json().getJsonObject("backends");
    assertThat(backends.fieldNames()).containsExactlyInAnyOrder("postgres", "redis", "kafka", "mongo", "s3");
    backends.forEach(entry -> assertThat(entry.getValue()).as(entry.getKey()).isEqualTo("up"));
  }

  @Test
  void unknownRoutesAnswer404InTheErrorShape() {
    Reply reply = http.get("/api/v1/no-such-thing").send();
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(reply.json().getJsonObject("error").getString("message")).isNotBlank();
    assertThat(reply.json().getJsonObject("error").getJsonArray("details")).isEmpty();

    Reply wrongMethod = http.delete("/api/v1/auth/login").send();
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
  }

  /** Issue 10: the router collapses {@code //}, so this reached {@code /products/{id}} as id "publish": 405. */
  @Test
  void pathsWithAnEmptySegmentNameNothing() {
    Reply publish = http.post("/api/v1/products//publish").send();
    assertThat(publish.status()).as(publish.toString()).isEqualTo(404);
    assertThat(publish.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(http.get("/api/v1//categories").send().status()).isEqualTo(404);
    assertThat(http.get("/api/v1/categories").send().status()).isEqualTo(200);
  }

  /** Issue 10: empty values were ignored as if absent; they are validated like {@code page=abc}. */
  @Test
  void emptyQueryValuesAreValidated() {
    for (String name : new String[] {"page", "size", "sort", "minPrice"}) {
      Reply reply = http.get("/api/v1/products?" + name + "=").send();
      assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
      assertThat(reply.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field"))
          .isEqualTo(name);
    }
    String product = "/api/v1/products/" + java.util.UUID.randomUUID() + "/price-history?sku=";
    for (String sku : new String[] {"", "123e4567-e89b-12d3-a456-42661417400", "1-1-1-1-1"}) {
      Reply reply = http.get(product + sku).send();
      assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
      assertThat(reply.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field"))
          .isEqualTo("sku");
    }
    assertThat(http.get("/api/v1/products?q=").send().status()).isEqualTo(200);
  }

  @Test
  void pathsWithAnEmptySegmentAreUnknown() {
    // Vert.x routes these as the path without the empty segment: a known path (405) or another operation (200)
    for (String path : new String[] {"/api/v1/products//publish", "/api/v1/brands/", "/api/v1/products/",
        "/api/v1/categories//"}) {
      Reply reply = http.post(path).send();
      assertThat(reply.status()).as(path + " " + reply).isEqualTo(404);
      assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
      Reply get = http.get(path).send();
      assertThat(get.status()).as(path + " " + get).isEqualTo(404);
    }
  }

  @Test
  void pathsWithADotSegmentAreUnknown() {
    // Vert.x would route /cart/items/. as /cart/items/, and so as /cart/items: a known path (405)
    for (String path : new String[] {"/api/v1/cart/items/.", "/api/v1/cart/items/..", "/api/v1/products/./x",
        "/api/v1/cart/items/%2e", "/api/v1/brands/%2E%2E"}) {
      Reply delete = http.delete(path).send();
      assertThat(delete.status()).as(path + " " + delete).isEqualTo(404);
      assertThat(delete.errorCode()).isEqualTo("NOT_FOUND");
    }
    assertThat(http.get("/api/v1/products?q=a.b").send().status()).isEqualTo(200);
  }

  @Test
  void aSemicolonInAQueryValueIsPartOfTheValue() {
    // 100 characters before the ';' and 21 after: as one value it is longer than the 120 allowed
    String category = "a".repeat(100) + ";" + "b".repeat(20);
    Reply reply = http.get("/api/v1/products?category=" + category).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(reply.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field"))
        .isEqualTo("category");
  }

  @Test
  void requestIdsAreEchoedOrMade() {
    assertThat(http.get("/health").header("X-Request-Id", "abc-123").send().header("X-Request-Id"))
        .isEqualTo("abc-123");
    String made = http.get("/api/v1/nothing").send().header("X-Request-Id");
    assertThat(made).hasSizeGreaterThan(10);
    assertThat(http.get("/health").header("X-Request-Id", "bad id\twith spaces").send().header("X-Request-Id"))
        .isNotEqualTo("bad id\twith spaces");
  }

  @Test
  void securityHeadersAreOnEveryResponse() {
    Reply reply = http.get("/api/v1/nothing").send();
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(reply.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
  }

  @Test
  void corsAllowsOnlyConfiguredOrigins() {
    Reply allowed = http.call("OPTIONS", "/api/v1/auth/login").header("Origin", "http://localhost:8080")
        .header("Access-Control-Request-Method", "POST").send();
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8080");

    Reply foreign = http.call("OPTIONS", "/api/v1/auth/login").header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST").send();
    assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void corsAllowsAndExposesTheCartTokenHeader() {
    Reply preflight = http.call("OPTIONS", "/api/v1/cart/items").header("Origin", "http://localhost:8080")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "X-Cart-Token, Idempotency-Key").send();
    assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("X-Cart-Token")
        .containsIgnoringCase("Idempotency-Key");

    Reply simple = http.get("/health").header("Origin", "http://localhost:8080").send();
    assertThat(simple.header("Access-Control-Expose-Headers")).containsIgnoringCase("X-Cart-Token");
  }

  @Test
  void overlongCartTokensAndIdempotencyKeysAreRejected() {
    assertThat(http.get("/api/v1/categories").header("Idempotency-Key", "k".repeat(255)).send().status())
        .isEqualTo(200);
    Reply longKey = http.get("/api/v1/categories").header("Idempotency-Key", "k".repeat(256)).send();
    assertThat(longKey.status()).isEqualTo(400);
    assertThat(longKey.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(longKey.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field"))
        .isEqualTo("Idempotency-Key");

    assertThat(http.get("/api/v1/categories").header("X-Cart-Token", "t".repeat(200)).send().status()).isEqualTo(200);
    Reply longToken = http.get("/api/v1/categories").header("X-Cart-Token", "t".repeat(201)).send();
    assertThat(longToken.status()).isEqualTo(400);
    assertThat(longToken.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field"))
        .isEqualTo("X-Cart-Token");
  }

  @Test
  void aLoginWithAGuestCartTokenSucceedsEvenWhenTheCartCannotMerge() {
    String email = TestPlatform.uniqueEmail("merge");
    Users.register(http, email);
    Reply login = http.post("/api/v1/auth/login").header("X-Cart-Token", "guest-token-nobody-knows")
        .json(new JsonObject().put("email", email).put("password", Users.PASSWORD)).send();
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.json().getString("accessToken")).isNotBlank();
  }

  @Test
  void theOpenApiDocumentIsServed() {
    Reply reply = http.get("/api/v1/openapi.yaml").send();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text()).startsWith("openapi: 3").contains("/auth/register").contains("/admin/users/{id}");
  }

  /** curl --http2 and java.net.http offer h2c; they mishandle a large answer right after a 101, so we decline. */
  @Test
  void cleartextHttp2UpgradesAreDeclined() throws Exception {
    int port = TestPlatform.config().getJsonObject("http").getInteger("port");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(("GET /api/v1/openapi.yaml HTTP/1.1\r\nHost: localhost\r\n"
          + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      assertThat(statusLine).isEqualTo("HTTP/1.1 200 OK");
    }
  }
}
