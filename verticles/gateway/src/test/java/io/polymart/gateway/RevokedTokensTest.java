package io.polymart.gateway;

import io.polymart.core.bus.Addresses;
import io.polymart.core.client.BusClient;
import io.polymart.core.client.RevocationsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

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

  @Test
  void aRevocationWhoseAnnouncementWasMissedCountsAfterTheNextReload() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      JsonArray inForce = new JsonArray();
      vertx.eventBus().<JsonObject>consumer(Addresses.USERS_REVOCATIONS_LIST,
          message -> message.reply(new JsonObject().put("items", inForce.copy())));
      RevocationsClient client = new RevocationsClient(BusClient.create(vertx,
          new JsonObject().put("bus", new JsonObject().put("timeoutSeconds", 5))));
      revoked.start(vertx, client).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(revoked.isRevoked("u1", "s1", 0)).isFalse();

      // committed by the users verticle, but its announcement never reached this gateway
      vertx.runOnContext(v -> inForce.add(new JsonObject().put("sessionId", "s1").put("expiresAt", later)));

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (!revoked.isRevoked("u1", "s1", 0) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(revoked.isRevoked("u1", "s1", 0)).as("revoked after a reload").isTrue();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
