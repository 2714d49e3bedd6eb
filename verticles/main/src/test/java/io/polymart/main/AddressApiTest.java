package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AddressApiTest {
  private final HttpTestClient http = TestPlatform.client();

  static JsonObject address() {
    return new JsonObject().put("receiver", "Li Lei").put("phone", "13800138000").put("province", "Zhejiang")
        .put("city", "Hangzhou").put("district", "Xihu").put("detail", "1 Wensan Road").put("postalCode", "310000");
  }

  @Test
  void theFirstAddressIsTheDefaultAndExactlyOneDefaultRemains() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("addr"));

    JsonObject first = create(user, address());
    assertThat(first.getBoolean("isDefault")).isTrue();
    JsonObject second = create(user, address().put("receiver", "Han Meimei"));
    assertThat(second.getBoolean("isDefault")).isFalse();
    JsonObject third = create(user, address().put("receiver", "Third").put("isDefault", true));
    assertThat(third.getBoolean("isDefault")).isTrue();
    assertThat(defaults(user)).containsExactly(third.getString("id"));

    Reply made = http.post("/api/v1/me/addresses/" + second.getString("id") + "/default").bearer(user.accessToken())
        .send();
    assertThat(made.status()).isEqualTo(200);
    assertThat(made.json().getBoolean("isDefault")).isTrue();
    assertThat(defaults(user)).containsExactly(second.getString("id"));

    assertThat(http.delete("/api/v1/me/addresses/" + second.getString("id")).bearer(user.accessToken()).send()
        .status()).isEqualTo(204);
    assertThat(list(user)).hasSize(2);
    assertThat(defaults(user)).hasSize(1);

    for (Object remaining : list(user)) {
      http.delete("/api/v1/me/addresses/" + ((JsonObject) remaining).getString("id")).bearer(user.accessToken()).send();
    }
    assertThat(list(user)).isEmpty();
  }

  @Test
  void updateReplacesTheFields() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("upd"));
    JsonObject created = create(user, address());

    Reply updated = http.put("/api/v1/me/addresses/" + created.getString("id")).bearer(user.accessToken())
        .json(address().put("detail", "2 New Street").putNull("postalCode")).send();

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().getString("detail")).isEqualTo("2 New Street");
    assertThat(updated.json().getString("postalCode")).isNull();
    assertThat(updated.json().getBoolean("isDefault")).isTrue();
  }

  @Test
  void anotherUsersAddressIsNotFound() {
    Users.Session owner = Users.register(http, TestPlatform.uniqueEmail("owner"));
    Users.Session intruder = Users.register(http, TestPlatform.uniqueEmail("intruder"));
    String id = create(owner, address()).getString("id");

    assertThat(http.put("/api/v1/me/addresses/" + id).bearer(intruder.accessToken()).json(address()).send().status())
        .isEqualTo(404);
    assertThat(http.delete("/api/v1/me/addresses/" + id).bearer(intruder.accessToken()).send().status())
        .isEqualTo(404);
    assertThat(http.post("/api/v1/me/addresses/" + id + "/default").bearer(intruder.accessToken()).send().status())
        .isEqualTo(404);
    assertThat(list(intruder)).isEmpty();
    assertThat(list(owner)).hasSize(1);
    assertThat(http.delete("/api/v1/me/addresses/123").bearer(owner.accessToken()).send().status()).isEqualTo(404);
  }

  @Test
  void invalidAddressesAreRejectedAndNothingIsStored() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("badaddr"));

    Reply reply = http.post("/api/v1/me/addresses").bearer(user.accessToken())
        .json(address().put("phone", "abc").put("receiver", " ").put("postalCode", "!!")).send();
    assertThat(reply.status()).isEqualTo(400);
    assertThat(AuthApiTest.fields(reply)).contains("phone", "receiver", "postalCode");
    Reply missing = http.post("/api/v1/me/addresses").bearer(user.accessToken())
        .json(new JsonObject().put("receiver", "x")).send();
    assertThat(missing.status()).isEqualTo(400);
    assertThat(AuthApiTest.fields(missing)).contains("city", "detail");
    assertThat(list(user)).isEmpty();
  }

  private JsonObject create(Users.Session user, JsonObject address) {
    Reply reply = http.post("/api/v1/me/addresses").bearer(user.accessToken()).json(address).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  private JsonArray list(Users.Session user) {
    return http.get("/api/v1/me/addresses").bearer(user.accessToken()).send().json().getJsonArray("items");
  }

  private List<String> defaults(Users.Session user) {
    return list(user).stream().map(JsonObject.class::cast).filter(a -> a.getBoolean("isDefault"))
        .map(a -> a.getString("id")).toList();
  }
}
