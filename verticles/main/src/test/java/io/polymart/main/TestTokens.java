package io.polymart.main;

import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Access tokens minted like the users verticle mints them (HS256 with the test key), with a chosen expiry. */
final class TestTokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private TestTokens() {
  }

  /** The claims of a real access token (user, session, roles, version) with another {@code exp}. */
  static String withExpiry(String accessToken, Instant expiry) {
    String payload = accessToken.split("\\.")[1];
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    claims.put("exp", expiry.getEpochSecond());
    return sign(claims);
  }

  private static String sign(JsonObject claims) {
    String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = B64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(TestPlatform.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8));
      return header + "." + payload + "." + B64.encodeToString(signature);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
