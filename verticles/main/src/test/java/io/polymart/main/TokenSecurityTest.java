package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens are verified on every protected route: only a genuine, live HS256 token passes. */
class TokenSecurityTest {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final HttpTestClient http = TestPlatform.client();

  @Test
  void aTokenCraftedWithTheRealKeyIsAcceptedSoTheRejectionsBelowMeanSomething() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("jwt"));
    String token = sign("HS256", "HmacSHA256", claims(user.userId(), Instant.now().plusSeconds(300)));

    assertThat(http.get("/api/v1/me").bearer(token).send().status()).isEqualTo(200);
  }

  @Test
  void expiredTokenIsRejected() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("expired"));
    String token = sign("HS256", "HmacSHA256", claims(user.userId(), Instant.now().minusSeconds(5)));

    assertUnauthorized(token);
  }

  @Test
  void tamperedTokenIsRejected() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("tamper"));
    String[] parts = user.accessToken().split("\\.");
    JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    payload.put("roles", new JsonArray().add("customer").add("admin"));
    String tampered = parts[0] + "." + B64.encodeToString(payload.encode().getBytes(StandardCharsets.UTF_8)) + "."
        + parts[2];

    assertUnauthorized(tampered);
    assertThat(http.get("/api/v1/admin/users").bearer(tampered).send().status()).isEqualTo(401);
  }

  @Test
  void algNoneIsRejected() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("none"));
    String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = B64.encodeToString(claims(user.userId(), Instant.now().plusSeconds(300)).encode()
        .getBytes(StandardCharsets.UTF_8));

    assertUnauthorized(header + "." + payload + ".");
    assertUnauthorized(header + "." + payload);
  }

  @Test
  void anotherAlgorithmWithTheSameKeyIsRejected() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("hs512"));
    assertUnauthorized(sign("HS512", "HmacSHA512", claims(user.userId(), Instant.now().plusSeconds(300))));
  }

  /** Issue 10: a correctly signed token whose time claims are not numbers answered 500. */
  @Test
  void correctlySignedTokensWithTimeClaimsThatAreNotNumbersAreRejected() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("claims"));
    for (String claim : new String[] {"exp", "iat", "nbf"}) {
      assertUnauthorized(sign("HS256", "HmacSHA256", claims(user.userId(), Instant.now().plusSeconds(300))
          .put(claim, "tomorrow")));
      assertUnauthorized(sign("HS256", "HmacSHA256", claims(user.userId(), Instant.now().plusSeconds(300))
          .put(claim, new JsonObject())));
    }
  }

  @Test
  void garbageAndMissingTokensAreRejected() {
    assertUnauthorized("not.a.jwt");
    assertThat(http.get("/api/v1/me").send().status()).isEqualTo(401);
    assertThat(http.get("/api/v1/me").header("Authorization", "Basic Zm9vOmJhcg==").send().status()).isEqualTo(401);
  }

  private void assertUnauthorized(String token) {
    HttpTestClient.Reply reply = http.get("/api/v1/me").bearer(token).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("UNAUTHORIZED");
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  private static JsonObject claims(String userId, Instant expiry) {
    long now = Instant.now().getEpochSecond();
    return new JsonObject().put("sub", userId).put("roles", new JsonArray().add("customer"))
        .put("iss", "polymart").put("iat", now - 10).put("exp", expiry.getEpochSecond());
  }

  private static String sign(String alg, String macAlgorithm, JsonObject claims) {
    String header = B64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
    String payload = B64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance(macAlgorithm);
      mac.init(new SecretKeySpec(TestPlatform.jwtSecret().getBytes(StandardCharsets.UTF_8), macAlgorithm));
      byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8));
      return header + "." + payload + "." + B64.encodeToString(signature);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
