package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits come from conf (users.rateLimit); these tests use the bundled defaults. */
class RateLimitTest {

  private static JsonObject limits() {
    return TestPlatform.config().getJsonObject("users").getJsonObject("rateLimit");
  }

  @Test
  void failedLoginsPerAccountAreLimitedAcrossClientAddresses() {
    String email = TestPlatform.uniqueEmail("victim");
    Users.register(TestPlatform.client(), email);
    int limit = limits().getInteger("loginPerAccount");
    JsonObject wrong = new JsonObject().put("email", email).put("password", "Wrong0ne!");

    for (int i = 0; i < limit; i++) {
      assertThat(TestPlatform.client().post("/api/v1/auth/login").json(wrong).send().status()).isEqualTo(401);
    }
    Reply limited = TestPlatform.client().post("/api/v1/auth/login")
        .json(new JsonObject().put("email", email).put("password", Users.PASSWORD)).send();

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, limits().getInteger("windowSeconds"));
  }

  @Test
  void loginsPerClientAddressAreLimited() {
    HttpTestClient sameMachine = TestPlatform.client();
    int limit = limits().getInteger("loginPerIp");
    JsonObject attempt = new JsonObject().put("email", TestPlatform.uniqueEmail("nobody")).put("password", "x");

    for (int i = 0; i < limit; i++) {
      attempt.put("email", TestPlatform.uniqueEmail("nobody"));
      assertThat(sameMachine.post("/api/v1/auth/login").json(attempt).send().status()).isEqualTo(401);
    }
    Reply limited = sameMachine.post("/api/v1/auth/login").json(attempt).send();

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
    assertThat(TestPlatform.client().post("/api/v1/auth/login").json(attempt).send().status()).isEqualTo(401);
  }

  @Test
  void registrationsPerClientAddressAreLimited() {
    HttpTestClient sameMachine = TestPlatform.client();
    int limit = limits().getInteger("registerPerIp");
    JsonObject invalid = Users.registration("not-an-email").put("password", "weak");

    for (int i = 0; i < limit; i++) {
      Users.register(sameMachine, TestPlatform.uniqueEmail("bulk"));
    }
    Reply limited = sameMachine.post("/api/v1/auth/register")
        .json(Users.registration(TestPlatform.uniqueEmail("bulk"))).send();

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
    assertThat(sameMachine.post("/api/v1/auth/register").json(invalid).send().status())
        .as("validation happens before counting").isEqualTo(400);
  }
}
