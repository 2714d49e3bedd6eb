package io.polymart.users;

import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.TestBackends;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.polymart.core.bus.Addresses.USERS_LOGIN;
import static io.polymart.core.bus.Addresses.USERS_LOGOUT_ALL;
import static io.polymart.core.bus.Addresses.USERS_REGISTER;
import static io.polymart.core.bus.Addresses.USERS_REVOCATIONS_LIST;
import static io.polymart.users.UsersFixture.PASSWORD;
import static io.polymart.users.UsersFixture.claims;
import static io.polymart.users.UsersFixture.newEmail;
import static io.polymart.users.UsersFixture.registration;
import static io.polymart.users.UsersFixture.signedIn;
import static io.polymart.users.UsersFixture.visitor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users verticle with Redis unreachable: registering, signing in and signing out everywhere still work, and
 * the sign-out's revocation is in force (it lives with the sessions in PostgreSQL, not in Redis).
 */
class UsersWithoutRedisTest {
  private static BusTestNode node;

  @BeforeAll
  static void usersWithRedisDown() {
    int closedPort = TestBackends.freePort();
    node = BusTestNode.start(config -> {
      config.getJsonObject("users").put("bcryptCost", 10);
      config.getJsonObject("redis").put("url", "redis://127.0.0.1:" + closedPort);
    }).deploy(UsersVerticle::new, 1);
  }

  @Test
  void registerLoginAndLogoutAllWorkAndTheRevocationIsInForce() {
    String email = newEmail();
    Caller from = visitor();
    node.ok(USERS_REGISTER, new JsonObject(), registration(email), from);
    JsonObject login = node.ok(USERS_LOGIN, new JsonObject(),
        new JsonObject().put("email", email).put("password", PASSWORD), from);
    String sessionId = claims(login.getString("accessToken")).getString("sid");

    node.ok(USERS_LOGOUT_ALL, new JsonObject(), new JsonObject(), signedIn(login));

    assertThat(node.ok(USERS_REVOCATIONS_LIST, new JsonObject(), new JsonObject(), Caller.service())
        .getJsonArray("items").stream()
        .anyMatch(entry -> sessionId.equals(((JsonObject) entry).getString("sessionId")))).isTrue();
  }
}
