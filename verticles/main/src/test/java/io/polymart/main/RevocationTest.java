package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ending a session also ends the access tokens already issued for it, at once. */
class RevocationTest {
  private final HttpTestClient http = TestPlatform.client();

  @Test
  void logoutEndsTheAccessTokenOfThatSessionOnly() {
    String email = TestPlatform.uniqueEmail("revoke");
    Users.Session ended = Users.register(http, email);
    Users.Session kept = Users.login(http, email, Users.PASSWORD);

    http.post("/api/v1/auth/logout").json(new JsonObject().put("refreshToken", ended.refreshToken())).send();

    assertThat(me(ended.accessToken()).status()).isEqualTo(401);
    assertThat(me(kept.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void logoutAllAndEndingOneSessionEndTheirAccessTokens() {
    String email = TestPlatform.uniqueEmail("revokeall");
    Users.Session one = Users.register(http, email);
    Users.Session two = Users.login(http, email, Users.PASSWORD);
    Users.Session three = Users.login(http, email, Users.PASSWORD);

    String sessionOfOne = http.get("/api/v1/me/sessions").bearer(one.accessToken()).send().json().getJsonArray("items")
        .stream().map(JsonObject.class::cast).filter(s -> s.getBoolean("current")).findFirst().orElseThrow()
        .getString("id");
    assertThat(http.delete("/api/v1/me/sessions/" + sessionOfOne).bearer(two.accessToken()).send().status())
        .isEqualTo(204);
    assertThat(me(one.accessToken()).status()).isEqualTo(401);
    assertThat(me(two.accessToken()).status()).isEqualTo(200);

    http.post("/api/v1/auth/logout-all").bearer(three.accessToken()).send();
    assertThat(me(two.accessToken()).status()).isEqualTo(401);
    assertThat(me(three.accessToken()).status()).isEqualTo(401);
    assertThat(me(Users.login(http, email, Users.PASSWORD).accessToken()).status()).isEqualTo(200);
  }

  @Test
  void refreshTokenReuseEndsTheAccessTokensOfTheSession() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("theft"));
    Reply rotated = http.post("/api/v1/auth/refresh").json(new JsonObject().put("refreshToken", user.refreshToken()))
        .send();
    String newAccess = rotated.json().getString("accessToken");
    assertThat(me(newAccess).status()).isEqualTo(200);

    http.post("/api/v1/auth/refresh").json(new JsonObject().put("refreshToken", user.refreshToken())).send();

    assertThat(me(newAccess).status()).isEqualTo(401);
    assertThat(me(user.accessToken()).status()).isEqualTo(401);
  }

  @Test
  void aDemotedAdminLosesAdminRightsAtOnceAndRefreshedTokensCarryTheNewRoles() {
    Users.Session root = Users.admin(http);
    Users.Session deputy = Users.register(http, TestPlatform.uniqueEmail("deputy"));
    http.patch("/api/v1/admin/users/" + deputy.userId()).bearer(root.accessToken())
        .json(new JsonObject().put("roles", new JsonArray().add("customer").add("admin"))).send();
    Reply promoted = http.post("/api/v1/auth/refresh").json(new JsonObject().put("refreshToken", deputy.refreshToken()))
        .send();
    Users.Session asAdmin = Users.session(deputy.email(), promoted.json());
    assertThat(http.get("/api/v1/admin/users").bearer(asAdmin.accessToken()).send().status()).isEqualTo(200);

    http.patch("/api/v1/admin/users/" + deputy.userId()).bearer(root.accessToken())
        .json(new JsonObject().put("roles", new JsonArray().add("customer"))).send();

    assertThat(http.get("/api/v1/admin/users").bearer(asAdmin.accessToken()).send().status()).isEqualTo(401);
    Reply demoted = http.post("/api/v1/auth/refresh").json(new JsonObject().put("refreshToken", asAdmin.refreshToken()))
        .send();
    assertThat(demoted.status()).isEqualTo(200);
    String customerToken = demoted.json().getString("accessToken");
    assertThat(http.get("/api/v1/admin/users").bearer(customerToken).send().status()).isEqualTo(403);
    assertThat(me(customerToken).status()).isEqualTo(200);
  }

  @Test
  void disablingAnAccountEndsItsAccessTokens() {
    Users.Session root = Users.admin(http);
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("banned"));

    http.patch("/api/v1/admin/users/" + user.userId()).bearer(root.accessToken())
        .json(new JsonObject().put("status", "disabled")).send();

    assertThat(me(user.accessToken()).status()).isEqualTo(401);
  }

  private Reply me(String accessToken) {
    return http.get("/api/v1/me").bearer(accessToken).send();
  }
}
