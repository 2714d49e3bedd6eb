package io.polymart.gateway;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevokedTokensTest {
  private final RevokedTokens revoked = new RevokedTokens();
  private final long later = System.currentTimeMillis() + 60_000;

  @Test
  void anEndedSessionRevokesEveryTokenOfThatSessionOnly() {
    revoked.add(new JsonObject().put("sessionId", "s1").put("expiresAt", later));

    assertThat(revoked.isRevoked("u1", "s1", 0)).isTrue();
    assertThat(revoked.isRevoked("u1", "s2", 0)).isFalse();
    assertThat(revoked.isRevoked("u1", null, 0)).isFalse();
  }

  @Test
  void aNewTokenVersionRevokesOlderTokensOfTheUserAndNeverGoesBack() {
    revoked.add(new JsonObject().put("userId", "u1").put("minVersion", 3).put("expiresAt", later));
    revoked.add(new JsonObject().put("userId", "u1").put("minVersion", 2).put("expiresAt", later));

    assertThat(revoked.isRevoked("u1", "s1", 2)).isTrue();
    assertThat(revoked.isRevoked("u1", "s1", 3)).isFalse();
    assertThat(revoked.isRevoked("u2", "s9", 0)).isFalse();
  }
}
