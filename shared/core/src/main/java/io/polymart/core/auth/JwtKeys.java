package io.polymart.core.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.auth.JWTOptions;

/** The one HS256 key that signs and verifies access tokens, from {@code jwt.secret}. */
public final class JwtKeys {
  public static final String ALGORITHM = "HS256";

  private JwtKeys() {
  }

  public static JWTAuth provider(Vertx vertx, JsonObject config) {
    JsonObject jwt = config.getJsonObject("jwt");
    String secret = jwt.getString("secret");
    if (secret == null || secret.isEmpty()) {
      throw new IllegalStateException("jwt.secret is not set: Main fills it in local mode");
    }
    return JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret))
        .setJWTOptions(new JWTOptions()
            .setAlgorithm(ALGORITHM)
            .setIssuer(jwt.getString("issuer"))
            .setLeeway(0)));
  }
}
