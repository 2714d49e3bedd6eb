package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminApiTest {
  private final HttpTestClient http = TestPlatform.client();

  @Test
  void nonAdminsAreForbiddenOnAdminRoutes() {
    Users.Session customer = Users.register(http, TestPlatform.uniqueEmail("customer"));

    Reply list = http.get("/api/v1/admin/users").bearer(customer.accessToken()).send();
    Reply patch = http.patch("/api/v1/admin/users/" + customer.userId()).bearer(customer.accessToken())
        .json(new JsonObject().put("roles", new JsonArray().add("admin"))).send();

    assertThat(list.status()).isEqualTo(403);
    assertThat(list.errorCode()).isEqualTo("FORBIDDEN");
    assertThat(patch.status()).isEqualTo(403);
    assertThat(http.get("/api/v1/me").bearer(customer.accessToken()).send().json().getJsonArray("roles"))
        .containsExactly("customer");
  }

  @Test
  void adminSearchesPagesAndChangesRoles() {
    String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 3; i++) {
      Users.register(http, "search-" + tag + "-" + i + "@example.com");
    }
    Users.Session admin = Users.admin(http);

    Reply page1 = http.get("/api/v1/admin/users?q=" + tag + "&size=2").bearer(admin.accessToken()).send();
    Reply page2 = http.get("/api/v1/admin/users?q=" + tag + "&size=2&page=2").bearer(admin.accessToken()).send();
    assertThat(page1.status()).isEqualTo(200);
    assertThat(page1.json().getLong("total")).isEqualTo(3);
    assertThat(page1.json().getJsonArray("items")).hasSize(2);
    assertThat(page2.json().getJsonArray("items")).hasSize(1);
    JsonObject pastTheEnd = http.get("/api/v1/admin/users?q=" + tag + "&size=2&page=3").bearer(admin.accessToken())
        .send().json();
    assertThat(pastTheEnd.getJsonArray("items")).isEmpty();
    assertThat(pastTheEnd.getLong("total")).isEqualTo(3);
    assertThat(http.get("/api/v1/admin/users?page=0").bearer(admin.accessToken()).send().status()).isEqualTo(400);
    assertThat(http.get("/api/v1/admin/users?size=abc").bearer(admin.accessToken()).send().status()).isEqualTo(400);

    String userId = page2.json().getJsonArray("items").getJsonObject(0).getString("id");
    Reply promoted = http.patch("/api/v1/admin/users/" + userId).bearer(admin.accessToken())
        .json(new JsonObject().put("roles", new JsonArray().add("customer").add("seller"))).send();
    assertThat(promoted.status()).isEqualTo(200);
    assertThat(promoted.json().getJsonArray("roles")).containsExactly("customer", "seller");

    assertThat(http.patch("/api/v1/admin/users/" + userId).bearer(admin.accessToken())
        .json(new JsonObject().put("roles", new JsonArray().add("emperor"))).send().status()).isEqualTo(400);
    assertThat(http.patch("/api/v1/admin/users/" + java.util.UUID.randomUUID()).bearer(admin.accessToken())
        .json(new JsonObject().put("status", "active")).send().status()).isEqualTo(404);
    assertThat(http.patch("/api/v1/admin/users/" + admin.userId()).bearer(admin.accessToken())
        .json(new JsonObject().put("status", "disabled")).send().status()).isEqualTo(422);
  }

  @Test
  void aDisabledAccountCannotLogInOrRefresh() {
    String email = TestPlatform.uniqueEmail("disabled");
    Users.Session user = Users.register(http, email);
    Users.Session admin = Users.admin(http);

    Reply disabled = http.patch("/api/v1/admin/users/" + user.userId()).bearer(admin.accessToken())
        .json(new JsonObject().put("status", "disabled")).send();
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().getString("status")).isEqualTo("disabled");

    Reply login = http.post("/api/v1/auth/login")
        .json(new JsonObject().put("email", email).put("password", Users.PASSWORD)).send();
    assertThat(login.status()).isEqualTo(403);
    assertThat(http.post("/api/v1/auth/refresh").json(new JsonObject().put("refreshToken", user.refreshToken()))
        .send().status()).isEqualTo(401);

    http.patch("/api/v1/admin/users/" + user.userId()).bearer(admin.accessToken())
        .json(new JsonObject().put("status", "active")).send();
    Users.login(http, email, Users.PASSWORD);
  }
}
