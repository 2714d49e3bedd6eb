package io.polymart.users;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/** Signs access tokens (JWT) and mints opaque refresh tokens, which are stored only as hashes. */
final class TokenIssuer {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final JWTAuth jwt;
  private final JWTOptions accessTokenOptions;
  private final int accessTokenSeconds;
  private final Duration refreshTokenLifetime;

  TokenIssuer(JWTAuth jwt, JsonObject jwtConfig) {
    this.jwt = jwt;
    this.accessTokenSeconds = jwtConfig.getInteger("accessTokenMinutes") * 60;
    this.refreshTokenLifetime = Duration.ofDays(jwtConfig.getInteger("refreshTokenDays"));
    this.accessTokenOptions = new JWTOptions()
        .setAlgorithm(io.polymart.core.auth.JwtKeys.ALGORITHM)
        .setIssuer(jwtConfig.getString("issuer"))
        .setExpiresInSeconds(accessTokenSeconds);
  }

  String accessToken(Account account, String sessionId) {
    JsonObject claims = new JsonObject()
        .put("sub", account.id().toString())
        .put("sid", sessionId)
        .put("roles", new JsonArray(account.roles()))
        .put("ver", account.tokenVersion());
    return jwt.generateToken(claims, accessTokenOptions);
  }

  int accessTokenSeconds() {
    return accessTokenSeconds;
  }

  Duration refreshTokenLifetime() {
    return refreshTokenLifetime;
  }

  static String newRefreshToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] hash(String refreshToken) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
