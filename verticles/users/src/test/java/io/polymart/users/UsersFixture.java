package io.polymart.users;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.error.ServiceException;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.polymart.core.bus.Addresses.USERS_REGISTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users module's tests' node: one {@link UsersVerticle} on a {@link BusTestNode} per test JVM, with the cheapest
 * bcrypt cost and room for {@value #MAX_ADDRESSES} addresses. Tests share the database: every test registers new
 * accounts, each from its own client address (registrations are rate-limited per address).
 */
final class UsersFixture {
  static final int MAX_ADDRESSES = 3;
  static final String PASSWORD = "Secret123";
  private static BusTestNode node;

  private UsersFixture() {
  }

  static synchronized BusTestNode node() {
    if (node == null) {
      node = BusTestNode.start(config -> config.getJsonObject("users").put("bcryptCost", 10)
          .put("maxAddresses", MAX_ADDRESSES)).deploy(UsersVerticle::new, 1);
    }
    return node;
  }

  /** A caller from a client address of its own. */
  static Caller visitor() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return Caller.anonymous().withHeader(BusHeaders.CLIENT_IP,
        "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255));
  }

  static String newEmail() {
    return "user-" + UUID.randomUUID() + "@shop.example";
  }

  static JsonObject registration(String email) {
    return new JsonObject().put("email", email).put("password", PASSWORD).put("username", "shopper");
  }

  /** A new account's login reply: {@code {user, accessToken, refreshToken, ...}}. */
  static JsonObject register() {
    Reply reply = node().call(USERS_REGISTER, new JsonObject(), registration(newEmail()), visitor());
    return reply.orThrow();
  }

  /** The signed-in caller of a login reply, in the session it started. */
  static Caller signedIn(JsonObject login) {
    String sessionId = claims(login.getString("accessToken")).getString("sid");
    return Caller.user(login.getJsonObject("user").getString("id")).withRoles("customer")
        .withHeader(BusHeaders.SESSION_ID, sessionId);
  }

  /** The claims of an access token (read, not verified: the gateway verifies). */
  static JsonObject claims(String accessToken) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
        StandardCharsets.UTF_8));
  }

  static void assertFailure(ServiceException error, int status, String code) {
    assertThat(error.status()).as(error.toJson().encode()).isEqualTo(status);
    assertThat(error.code()).as(error.toJson().encode()).isEqualTo(code);
  }
}
