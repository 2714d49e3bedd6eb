package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.vertx.core.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers that register and log in users through the HTTP API. */
final class Users {
  static final String PASSWORD = "Passw0rdOk";

  private Users() {
  }

  record Session(String email, String userId, String accessToken, String refreshToken) {
  }

  static JsonObject registration(String email) {
    return new JsonObject().put("email", email).put("password", PASSWORD).put("username", "tester_1");
  }

  static Session register(HttpTestClient client, String email) {
    HttpTestClient.Reply reply = client.post("/api/v1/auth/register").json(registration(email)).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return session(email, reply.json());
  }

  static Session login(HttpTestClient client, String email, String password) {
    HttpTestClient.Reply reply = client.post("/api/v1/auth/login")
        .json(new JsonObject().put("email", email).put("password", password)).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return session(email, reply.json());
  }

  static Session session(String email, JsonObject tokens) {
    return new Session(email, tokens.getJsonObject("user").getString("id"), tokens.getString("accessToken"),
        tokens.getString("refreshToken"));
  }

  static Session admin(HttpTestClient client) {
    return login(client, TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
  }
}
