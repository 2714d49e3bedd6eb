package io.polymart.users;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.error.ServiceException;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.USERS_LOGIN;
import static io.polymart.core.bus.Addresses.USERS_LOGOUT;
import static io.polymart.core.bus.Addresses.USERS_LOGOUT_ALL;
import static io.polymart.core.bus.Addresses.USERS_REFRESH;
import static io.polymart.core.bus.Addresses.USERS_REGISTER;
import static io.polymart.core.bus.Addresses.USERS_REVOCATIONS_LIST;
import static io.polymart.core.bus.Addresses.USERS_SESSIONS_DELETE;
import static io.polymart.core.bus.Addresses.USERS_SESSIONS_LIST;
import static io.polymart.users.UsersFixture.PASSWORD;
import static io.polymart.users.UsersFixture.assertFailure;
import static io.polymart.users.UsersFixture.claims;
import static io.polymart.users.UsersFixture.newEmail;
import static io.polymart.users.UsersFixture.node;
import static io.polymart.users.UsersFixture.register;
import static io.polymart.users.UsersFixture.registration;
import static io.polymart.users.UsersFixture.signedIn;
import static io.polymart.users.UsersFixture.visitor;
import static org.assertj.core.api.Assertions.assertThat;

/** Sessions: login, refresh-token rotation and reuse, logout, and a user's list of their sessions. */
class SessionsTest {
  private static JsonObject login(String email, String password, Caller from) {
    return node().ok(USERS_LOGIN, new JsonObject(), new JsonObject().put("email", email).put("password", password),
        from);
  }

  private static ServiceException refresh(String refreshToken) {
    return node().fails(USERS_REFRESH, new JsonObject(), new JsonObject().put("refreshToken", refreshToken),
        visitor());
  }

  private static List<String> sessionIds(Caller user) {
    return node().ok(USERS_SESSIONS_LIST, new JsonObject(), new JsonObject(), user).getJsonArray("items").stream()
        .map(session -> ((JsonObject) session).getString("id")).toList();
  }

  private static boolean revoked(String sessionId) {
    return node().ok(USERS_REVOCATIONS_LIST, new JsonObject(), new JsonObject(), Caller.service())
        .getJsonArray("items").stream()
        .anyMatch(entry -> sessionId.equals(((JsonObject) entry).getString("sessionId")));
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
    String email = newEmail();
    node().ok(USERS_REGISTER, new JsonObject(), registration(email), visitor());

    ServiceException wrong = node().fails(USERS_LOGIN, new JsonObject(), new JsonObject().put("email", email)
        .put("password", "Wrong1234"), visitor());
    ServiceException unknown = node().fails(USERS_LOGIN, new JsonObject(), new JsonObject().put("email", newEmail())
        .put("password", PASSWORD), visitor());
    ServiceException missing = node().fails(USERS_LOGIN, new JsonObject(), new JsonObject(), visitor());

    for (ServiceException error : List.of(wrong, unknown, missing)) {
      assertFailure(error, 401, "UNAUTHORIZED");
      assertThat(error.getMessage()).isEqualTo("Invalid email or password");
    }
    JsonObject login = login(email.toUpperCase(), PASSWORD, visitor());
    assertThat(login.getJsonObject("user").getString("email")).isEqualTo(email);
  }

  @Test
  void aRefreshTokenWorksOnceAndItsReuseEndsTheSession() {
    JsonObject first = register();
    String sessionId = claims(first.getString("accessToken")).getString("sid");

    JsonObject second = node().ok(USERS_REFRESH, new JsonObject(), new JsonObject()
        .put("refreshToken", first.getString("refreshToken")), visitor());
    assertThat(second.getString("refreshToken")).isNotEqualTo(first.getString("refreshToken"));
    assertThat(claims(second.getString("accessToken")).getString("sid")).as("same session").isEqualTo(sessionId);
    assertThat(revoked(sessionId)).isFalse();

    ServiceException reuse = refresh(first.getString("refreshToken"));
    assertFailure(reuse, 401, "UNAUTHORIZED");
    assertThat(reuse.getMessage()).isEqualTo("Refresh token was already used; the session has been ended");
    assertThat(revoked(sessionId)).as("published for the gateways").isTrue();
    assertThat(refresh(second.getString("refreshToken")).getMessage())
        .as("the newer token died with its session").isEqualTo("Refresh token is invalid or expired");
    assertThat(refresh(UUID.randomUUID().toString()).getMessage()).isEqualTo("Refresh token is invalid or expired");
  }

  @Test
  void sessionsAreListedWithTheCurrentOneMarkedAndEndedOneByOne() {
    JsonObject login = register();
    String email = login.getJsonObject("user").getString("email");
    Caller phone = visitor().withHeader(BusHeaders.USER_AGENT, "phone-app/1.0");
    JsonObject other = login(email, PASSWORD, phone);
    Caller user = signedIn(login);
    String current = claims(login.getString("accessToken")).getString("sid");
    String otherSession = claims(other.getString("accessToken")).getString("sid");

    JsonArray sessions = node().ok(USERS_SESSIONS_LIST, new JsonObject(), new JsonObject(), user).getJsonArray("items");
    assertThat(sessions).hasSize(2);
    sessions.stream().map(JsonObject.class::cast).forEach(session -> {
      assertThat(session.getBoolean("current")).isEqualTo(current.equals(session.getString("id")));
      if (otherSession.equals(session.getString("id"))) {
        assertThat(session.getString("userAgent")).isEqualTo("phone-app/1.0");
      }
    });

    Caller stranger = signedIn(register());
    assertFailure(node().fails(USERS_SESSIONS_DELETE, new JsonObject().put("id", otherSession), new JsonObject(),
        stranger), 404, "NOT_FOUND");
    assertFailure(node().fails(USERS_SESSIONS_DELETE, new JsonObject().put("id", "not-a-uuid"), new JsonObject(),
        user), 404, "NOT_FOUND");
    node().ok(USERS_SESSIONS_DELETE, new JsonObject().put("id", otherSession), new JsonObject(), user);
    assertThat(sessionIds(user)).containsExactly(current);
    assertThat(revoked(otherSession)).isTrue();
    assertFailure(node().fails(USERS_SESSIONS_DELETE, new JsonObject().put("id", otherSession), new JsonObject(),
        user), 404, "NOT_FOUND");
  }

  @Test
  void logoutEndsThatSessionAndLogoutAllEndsEveryOne() {
    JsonObject login = register();
    String email = login.getJsonObject("user").getString("email");
    JsonObject second = login(email, PASSWORD, visitor());
    JsonObject third = login(email, PASSWORD, visitor());
    Caller user = signedIn(login);

    assertThat(node().call(USERS_LOGOUT, new JsonObject(), new JsonObject()
        .put("refreshToken", second.getString("refreshToken")), visitor()).orThrow()).isNull();
    assertThat(sessionIds(user)).hasSize(2);
    assertThat(node().call(USERS_LOGOUT, new JsonObject(), new JsonObject(), visitor()).ok())
        .as("nothing to end is fine").isTrue();

    node().call(USERS_LOGOUT_ALL, new JsonObject(), new JsonObject(), user).orThrow();
    assertThat(sessionIds(user)).isEmpty();
    assertThat(revoked(claims(third.getString("accessToken")).getString("sid"))).isTrue();
    assertThat(refresh(third.getString("refreshToken")).status()).isEqualTo(401);
  }
}
