package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTest {
  private final HttpTestClient http = TestPlatform.client();

  @Test
  void registerReturnsUserAndTokensWithLowerCasedEmail() {
    String email = TestPlatform.uniqueEmail("New.User").toUpperCase();
    Reply reply = http.post("/api/v1/auth/register")
        .json(Users.registration(email).put("phone", "+8613800138000").put("username", "张三_zhang")).send();

    assertThat(reply.status()).isEqualTo(201);
    JsonObject body = reply.json();
    assertThat(body.getString("accessToken")).contains(".");
    assertThat(body.getString("refreshToken")).isNotBlank();
    assertThat(body.getInteger("expiresIn")).isEqualTo(900);
    JsonObject user = body.getJsonObject("user");
    assertThat(user.getString("email")).isEqualTo(email.toLowerCase());
    assertThat(user.getString("username")).isEqualTo("张三_zhang");
    assertThat(user.getString("phone")).isEqualTo("+8613800138000");
    assertThat(user.getJsonArray("roles")).containsExactly("customer");
    assertThat(user.containsKey("passwordHash")).isFalse();
    assertThat(reply.text()).doesNotContain("$2");
  }

  @Test
  void duplicateEmailIsAConflictWhateverItsCase() {
    String email = TestPlatform.uniqueEmail("dup");
    Users.register(http, email);

    Reply again = http.post("/api/v1/auth/register").json(Users.registration(email.toUpperCase())).send();

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("EMAIL_TAKEN");
  }

  @Test
  void weakPasswordsAreRejectedWithTheFieldNamed() {
    for (String weak : new String[] {"short1A", "alllowercase1", "ALLUPPERCASE1", "NoDigitsHere", "a1B".repeat(43)}) {
      Reply reply = http.post("/api/v1/auth/register")
          .json(Users.registration(TestPlatform.uniqueEmail("weak")).put("password", weak)).send();
      assertThat(reply.status()).as(weak).isEqualTo(400);
      assertThat(fields(reply)).as(weak).contains("password");
    }
  }

  @Test
  void invalidUsernamesPhonesAndEmailsAreRejected() {
    for (String username : new String[] {"a", "x".repeat(21), "Admin", "root", "SYSTEM", "administrator", "bad name",
        "semi;colon"}) {
      Reply reply = http.post("/api/v1/auth/register")
          .json(Users.registration(TestPlatform.uniqueEmail("name")).put("username", username)).send();
      assertThat(reply.status()).as(username).isEqualTo(400);
      assertThat(fields(reply)).as(username).contains("username");
    }
    for (String phone : new String[] {"12345", "+12-345-678", "phone123", "1".repeat(21)}) {
      Reply reply = http.post("/api/v1/auth/register")
          .json(Users.registration(TestPlatform.uniqueEmail("phone")).put("phone", phone)).send();
      assertThat(reply.status()).as(phone).isEqualTo(400);
      assertThat(fields(reply)).as(phone).contains("phone");
    }
    Reply badEmail = http.post("/api/v1/auth/register").json(Users.registration("not-an-email")).send();
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(fields(badEmail)).contains("email");
  }

  @Test
  void schemaViolationsListTheFailingFields() {
    Reply missing = http.post("/api/v1/auth/register").json(new JsonObject().put("email", 42)).send();
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(fields(missing)).contains("email", "password", "username");

    Reply unknownField = http.post("/api/v1/auth/register")
        .json(Users.registration(TestPlatform.uniqueEmail("extra")).put("isAdmin", true)).send();
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(fields(unknownField)).contains("isAdmin");
  }

  @Test
  void malformedJsonIsABadRequest() {
    Reply broken = http.post("/api/v1/auth/login").raw("{\"email\": \"a@b.c\", ").send();
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.errorCode()).isEqualTo("MALFORMED_JSON");

    Reply array = http.post("/api/v1/auth/login").raw("[1, 2]").send();
    assertThat(array.status()).isEqualTo(400);
    assertThat(array.errorCode()).isEqualTo("MALFORMED_JSON");

    Reply empty = http.post("/api/v1/auth/login").raw("").send();
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.errorCode()).isEqualTo("MALFORMED_JSON");

    Reply nullBody = http.post("/api/v1/auth/login").raw("null").send();
    assertThat(nullBody.status()).isEqualTo(400);
    assertThat(nullBody.errorCode()).isEqualTo("MALFORMED_JSON");
  }

  @Test
  void oversizedBodyIsRejectedWith413() {
    String huge = "x".repeat(TestPlatform.config().getJsonObject("http").getInteger("maxBodyBytes") + 1);
    Reply reply = http.post("/api/v1/auth/register")
        .json(Users.registration(TestPlatform.uniqueEmail("big")).put("username", huge)).send();

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void loginSucceedsAndWrongPasswordOrUnknownEmailGetTheSame401() {
    String email = TestPlatform.uniqueEmail("login");
    Users.register(http, email);

    Users.Session session = Users.login(http, email.toUpperCase(), Users.PASSWORD);
    assertThat(session.accessToken()).isNotBlank();

    Reply wrongPassword = http.post("/api/v1/auth/login")
        .json(new JsonObject().put("email", email).put("password", "Wrong0ne!")).send();
    Reply unknownEmail = http.post("/api/v1/auth/login")
        .json(new JsonObject().put("email", TestPlatform.uniqueEmail("nobody")).put("password", "Wrong0ne!")).send();
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownEmail.status()).isEqualTo(401);
    assertThat(wrongPassword.json().getJsonObject("error"))
        .isEqualTo(unknownEmail.json().getJsonObject("error"));
  }

  @Test
  void refreshRotatesAndReusingAnOldTokenEndsTheWholeSession() {
    Users.Session first = Users.register(http, TestPlatform.uniqueEmail("rotate"));

    Reply rotated = refresh(first.refreshToken());
    assertThat(rotated.status()).isEqualTo(200);
    String second = rotated.json().getString("refreshToken");
    assertThat(second).isNotEqualTo(first.refreshToken());
    assertThat(rotated.json().getString("accessToken")).isNotBlank();

    Reply reuse = refresh(first.refreshToken());
    assertThat(reuse.status()).isEqualTo(401);
    // The descendant of the stolen token dies with the session.
    assertThat(refresh(second).status()).isEqualTo(401);
    Users.Session fresh = Users.login(http, first.email(), Users.PASSWORD);
    assertThat(sessions(fresh.accessToken())).hasSize(1);
  }

  @Test
  void unknownRefreshTokenIs401() {
    assertThat(refresh("not-a-real-token").status()).isEqualTo(401);
  }

  @Test
  void logoutEndsTheSessionOfThatRefreshToken() {
    String email = TestPlatform.uniqueEmail("logout");
    Users.Session kept = Users.register(http, email);
    Users.Session ended = Users.login(http, email, Users.PASSWORD);

    Reply logout = http.post("/api/v1/auth/logout").json(new JsonObject().put("refreshToken", ended.refreshToken()))
        .send();

    assertThat(logout.status()).isEqualTo(204);
    assertThat(refresh(ended.refreshToken()).status()).isEqualTo(401);
    assertThat(refresh(kept.refreshToken()).status()).isEqualTo(200);
  }

  @Test
  void logoutAllEndsEverySessionOfTheCaller() {
    String email = TestPlatform.uniqueEmail("logoutall");
    Users.Session one = Users.register(http, email);
    Users.Session two = Users.login(http, email, Users.PASSWORD);
    Users.Session stranger = Users.register(http, TestPlatform.uniqueEmail("stranger"));

    assertThat(http.post("/api/v1/auth/logout-all").send().status()).isEqualTo(401);
    Reply reply = http.post("/api/v1/auth/logout-all").bearer(two.accessToken()).send();

    assertThat(reply.status()).isEqualTo(204);
    assertThat(refresh(one.refreshToken()).status()).isEqualTo(401);
    assertThat(refresh(two.refreshToken()).status()).isEqualTo(401);
    assertThat(refresh(stranger.refreshToken()).status()).isEqualTo(200);
  }

  @Test
  void sessionsAreListedWithTheirClientAndCanBeEndedOneByOne() {
    String email = TestPlatform.uniqueEmail("sessions");
    Users.Session phone = Users.register(http, email);
    Reply desktopLogin = http.post("/api/v1/auth/login").header("User-Agent", "DesktopBrowser/1.0")
        .json(new JsonObject().put("email", email).put("password", Users.PASSWORD)).send();
    Users.Session desktop = Users.session(email, desktopLogin.json());

    JsonArray listed = sessions(desktop.accessToken());
    assertThat(listed).hasSize(2);
    JsonObject current = listed.stream().map(JsonObject.class::cast)
        .filter(s -> s.getBoolean("current")).findFirst().orElseThrow();
    assertThat(current.getString("userAgent")).isEqualTo("DesktopBrowser/1.0");
    assertThat(current.getString("createdAt")).isNotBlank();
    assertThat(current.getString("lastUsedAt")).isNotBlank();
    String phoneSessionId = listed.stream().map(JsonObject.class::cast)
        .filter(s -> !s.getBoolean("current")).findFirst().orElseThrow().getString("id");

    Users.Session other = Users.register(http, TestPlatform.uniqueEmail("other"));
    assertThat(http.delete("/api/v1/me/sessions/" + phoneSessionId).bearer(other.accessToken()).send().status())
        .isEqualTo(404);
    assertThat(http.delete("/api/v1/me/sessions/not-a-uuid").bearer(desktop.accessToken()).send().status())
        .isEqualTo(404);

    Reply ended = http.delete("/api/v1/me/sessions/" + phoneSessionId).bearer(desktop.accessToken()).send();
    assertThat(ended.status()).isEqualTo(204);
    assertThat(sessions(desktop.accessToken())).hasSize(1);
    assertThat(refresh(phone.refreshToken()).status()).isEqualTo(401);
  }

  private Reply refresh(String refreshToken) {
    return http.post("/api/v1/auth/refresh").json(new JsonObject().put("refreshToken", refreshToken)).send();
  }

  private JsonArray sessions(String accessToken) {
    Reply reply = http.get("/api/v1/me/sessions").bearer(accessToken).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("items");
  }

  static java.util.List<String> fields(Reply reply) {
    return reply.json().getJsonObject("error").getJsonArray("details").stream()
        .map(detail -> ((JsonObject) detail).getString("field")).toList();
  }
}
