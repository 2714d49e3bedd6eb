package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileApiTest {
  static final String SQL_METACHARACTERS = "O'Brien\"; DROP TABLE users.accounts; -- %_\\ $1 ')";
  private final HttpTestClient http = TestPlatform.client();

  @Test
  void meReturnsAndPatchChangesOnlyTheGivenFields() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("me"));

    Reply me = http.get("/api/v1/me").bearer(user.accessToken()).send();
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("id")).isEqualTo(user.userId());

    Reply patched = http.patch("/api/v1/me").bearer(user.accessToken()).json(new JsonObject()
        .put("nickname", "Nick").put("gender", "female").put("birthday", "1990-05-17").put("phone", "13800138000"))
        .send();
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    JsonObject profile = patched.json();
    assertThat(profile.getString("nickname")).isEqualTo("Nick");
    assertThat(profile.getString("gender")).isEqualTo("female");
    assertThat(profile.getString("birthday")).isEqualTo("1990-05-17");
    assertThat(profile.getString("username")).isEqualTo("tester_1");

    Reply cleared = http.patch("/api/v1/me").bearer(user.accessToken())
        .json(new JsonObject().putNull("nickname").put("username", "renamed")).send();
    assertThat(cleared.json().getString("nickname")).isNull();
    assertThat(cleared.json().getString("username")).isEqualTo("renamed");
    assertThat(cleared.json().getString("gender")).isEqualTo("female");
  }

  @Test
  void invalidProfileFieldsAreRejectedAndNothingChanges() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("badme"));

    Reply reply = http.patch("/api/v1/me").bearer(user.accessToken()).json(new JsonObject()
        .put("nickname", "fine").put("birthday", "2999-01-01").put("username", "root")).send();

    assertThat(reply.status()).isEqualTo(400);
    assertThat(AuthApiTest.fields(reply)).contains("birthday", "username");
    assertThat(http.get("/api/v1/me").bearer(user.accessToken()).send().json().getString("nickname")).isNull();
    assertThat(http.patch("/api/v1/me").bearer(user.accessToken()).json(new JsonObject().put("gender", "robot"))
        .send().status()).isEqualTo(400);
    assertThat(http.patch("/api/v1/me").bearer(user.accessToken()).json(new JsonObject().put("email", "x@y.z"))
        .send().status()).isEqualTo(400);
  }

  @Test
  void sqlMetacharactersAreStoredAndReturnedVerbatimInEveryTextField() {
    String email = "o'brien+\"--%_" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    String password = "Pa'ss\"w0rd;--" + "%_\\";
    Reply registered = http.post("/api/v1/auth/register").json(new JsonObject()
        .put("email", email).put("password", password).put("username", "sql_user")).send();
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    assertThat(registered.json().getJsonObject("user").getString("email")).isEqualTo(email);
    Users.Session user = Users.login(http, email, password);

    Reply profile = http.patch("/api/v1/me").bearer(user.accessToken())
        .json(new JsonObject().put("nickname", SQL_METACHARACTERS.substring(0, 30))).send();
    assertThat(profile.json().getString("nickname")).isEqualTo(SQL_METACHARACTERS.substring(0, 30));

    JsonObject address = AddressApiTest.address()
        .put("receiver", SQL_METACHARACTERS).put("province", SQL_METACHARACTERS).put("city", SQL_METACHARACTERS)
        .put("district", SQL_METACHARACTERS).put("detail", SQL_METACHARACTERS + " 楼 " + SQL_METACHARACTERS);
    Reply created = http.post("/api/v1/me/addresses").bearer(user.accessToken()).json(address).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject stored = http.get("/api/v1/me/addresses").bearer(user.accessToken()).send().json()
        .getJsonArray("items").getJsonObject(0);
    for (String field : new String[] {"receiver", "province", "city", "district", "detail"}) {
      assertThat(stored.getString(field)).isEqualTo(address.getString(field));
    }

    Users.Session admin = Users.admin(http);
    Reply search = http.get("/api/v1/admin/users?q=" + java.net.URLEncoder.encode("o'brien+\"--%_",
        java.nio.charset.StandardCharsets.UTF_8)).bearer(admin.accessToken()).send();
    assertThat(search.status()).isEqualTo(200);
    assertThat(search.json().getJsonArray("items").stream().map(u -> ((JsonObject) u).getString("email")))
        .containsExactly(email);
    Reply wildcard = http.get("/api/v1/admin/users?q=%25").bearer(admin.accessToken()).send();
    assertThat(wildcard.json().getJsonArray("items").stream().map(u -> ((JsonObject) u).getString("email")))
        .allMatch(found -> found.contains("%"));
  }
}
