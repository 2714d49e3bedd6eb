package io.polymart.gateway;

import io.polymart.core.auth.JwtKeys;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensTest {
  private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
  private static final Vertx VERTX = Vertx.vertx();
  private final AccessTokens tokens = new AccessTokens(JwtKeys.provider(VERTX,
      new JsonObject().put("jwt", new JsonObject().put("secret", SECRET).put("issuer", "polymart"))),
      new RevokedTokens());

  @AfterAll
  static void close() {
    VERTX.close();
  }

  @Test
  void aWellFormedTokenIdentifiesItsUser() throws Exception {
    Identity identity = await(tokens.verify(sign(claims()))).result();
    assertThat(identity.userId()).isEqualTo("u1");
  }

  @Test
  void correctlySignedTokensWhoseTimeClaimsAreNotNumbersAreUnauthorized() throws Exception {
    for (String claim : new String[] {"exp", "iat", "nbf"}) {
      for (Object value : new Object[] {"soon", true, new JsonObject(), new JsonArray().add(1), "1e99"}) {
        Future<Identity> verified = await(tokens.verify(sign(claims().put(claim, value))));
        assertThat(verified.failed()).as(claim + "=" + value).isTrue();
        assertThat(verified.cause()).as(claim + "=" + value).isInstanceOf(ServiceException.class);
        assertThat(((ServiceException) verified.cause()).status()).as(claim + "=" + value).isEqualTo(401);
      }
    }
  }

  private static Future<Identity> await(Future<Identity> verified) throws Exception {
    try {
      verified.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException expected) {
      // the future says which
    }
    return verified;
  }

  private static JsonObject claims() {
    long now = Instant.now().getEpochSecond();
    return new JsonObject().put("sub", "u1").put("sid", "s1").put("roles", new JsonArray().add("customer"))
        .put("ver", 0).put("iss", "polymart").put("iat", now).put("exp", now + 600);
  }

  private static String sign(JsonObject claims) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return header + "." + payload + "." + b64.encodeToString(mac.doFinal((header + "." + payload)
        .getBytes(StandardCharsets.UTF_8)));
  }
}
