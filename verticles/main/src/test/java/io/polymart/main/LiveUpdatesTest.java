package io.polymart.main;

import io.polymart.core.bus.Addresses;
import io.polymart.testing.HttpTestClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code /ws} end to end. The test platform runs it with a 2-second auth timeout and a 1-second heartbeat; events are
 * published on the platform's event bus the way the cart and orders verticles publish them.
 */
class LiveUpdatesTest {
  private static Vertx clientVertx;
  private static WebSocketClient client;
  private final HttpTestClient http = TestPlatform.client();

  @BeforeAll
  static void startClient() {
    TestPlatform.config();
    clientVertx = Vertx.vertx();
    client = clientVertx.createWebSocketClient();
  }

  @AfterAll
  static void stopClient() throws Exception {
    clientVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aBearerHeaderAuthenticatesTheUpgradeAndTheUsersEventsArrive() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("ws-header"));
    try (LiveSocket socket = LiveSocket.open(client, user.accessToken())) {
      JsonObject ready = socket.next("ready");
      assertThat(ready.getString("userId")).isEqualTo(user.userId());
      assertThat(Instant.parse(ready.getString("expiresAt"))).isAfter(Instant.now());

      JsonObject event = orderStatus("PAID");
      publish(user, event);

      assertThat(socket.next("order.status")).isEqualTo(event);
    }
  }

  @Test
  void aFirstAuthMessageAuthenticatesBrowsersThatCannotSetHeaders() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("ws-message"));
    try (LiveSocket socket = LiveSocket.open(client, null)) {
      socket.send(new JsonObject().put("type", "auth").put("token", user.accessToken()));
      assertThat(socket.next("ready").getString("userId")).isEqualTo(user.userId());

      JsonObject event = new JsonObject().put("type", "cart.changed").put("lineCount", 2).put("selectedQuantity", 3);
      publish(user, event);

      assertThat(socket.next("cart.changed")).isEqualTo(event);
    }
  }

  @Test
  void aConnectionOnlyEverGetsItsOwnUsersEvents() {
    Users.Session ann = Users.register(http, TestPlatform.uniqueEmail("ws-ann"));
    Users.Session bob = Users.register(http, TestPlatform.uniqueEmail("ws-bob"));
    try (LiveSocket annSocket = LiveSocket.open(client, ann.accessToken());
         LiveSocket bobSocket = LiveSocket.open(client, bob.accessToken())) {
      annSocket.next("ready");
      bobSocket.next("ready");
      JsonObject forBob = orderStatus("SHIPPED");
      JsonObject forAnn = orderStatus("PAID");
      publish(bob, forBob);
      publish(ann, forAnn);

      assertThat(annSocket.next("order.status")).isEqualTo(forAnn);
      assertThat(bobSocket.next("order.status")).isEqualTo(forBob);
      annSocket.roundTrip();
      bobSocket.roundTrip();
      assertThat(annSocket.events()).containsExactly(forAnn);
      assertThat(bobSocket.events()).containsExactly(forBob);
    }
  }

  @Test
  void aSocketThatDoesNotAuthenticateInTimeIsClosed() {
    try (LiveSocket socket = LiveSocket.open(client, null)) {
      assertThat(socket.next("error").getString("code")).isEqualTo("UNAUTHORIZED");
      socket.assertClosedWith(4401);
    }
  }

  @Test
  void badTokensAndMessagesBeforeAuthenticationAreRefused() {
    try (LiveSocket socket = LiveSocket.open(client, "not.a.jwt")) {
      assertThat(socket.next("error").getString("code")).isEqualTo("UNAUTHORIZED");
      socket.assertClosedWith(4401);
    }
    try (LiveSocket socket = LiveSocket.open(client, null)) {
      socket.send(new JsonObject().put("type", "auth").put("token", "not.a.jwt"));
      assertThat(socket.next("error").getString("code")).isEqualTo("UNAUTHORIZED");
      socket.assertClosedWith(4401);
    }
    try (LiveSocket socket = LiveSocket.open(client, null)) {
      socket.send(new JsonObject().put("type", "ping"));
      assertThat(socket.next("error").getString("code")).isEqualTo("UNAUTHORIZED");
      socket.assertClosedWith(4401);
    }
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("ws-expired"));
    try (LiveSocket socket = LiveSocket.open(client,
        TestTokens.withExpiry(user.accessToken(), Instant.now().minusSeconds(5)))) {
      socket.assertClosedWith(4401);
    }
  }

  @Test
  void theSocketClosesWhenItsTokenExpires() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("ws-expiry"));
    String shortLived = TestTokens.withExpiry(user.accessToken(), Instant.now().plusSeconds(2));
    try (LiveSocket socket = LiveSocket.open(client, shortLived)) {
      socket.next("ready");
      assertThat(socket.next("error").getString("code")).isEqualTo("UNAUTHORIZED");
      socket.assertClosedWith(4401);
    }
  }

  @Test
  void aFreshTokenFromTheSameUserExtendsTheSession() throws InterruptedException {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("ws-refresh"));
    Instant soon = Instant.now().plusSeconds(2);
    try (LiveSocket socket = LiveSocket.open(client, TestTokens.withExpiry(user.accessToken(), soon))) {
      socket.next("ready");
      socket.send(new JsonObject().put("type", "auth").put("token", user.accessToken()));
      assertThat(Instant.parse(socket.next("refreshed").getString("expiresAt"))).isAfter(soon.plusSeconds(60));

      Thread.sleep(3_000);

      socket.roundTrip();
      assertThat(socket.isOpen()).isTrue();
      assertThat(socket.events()).isEmpty();
    }
  }

  @Test
  void anotherUsersTokenCannotTakeOverAConnection() {
    Users.Session ann = Users.register(http, TestPlatform.uniqueEmail("ws-owner"));
    Users.Session bob = Users.register(http, TestPlatform.uniqueEmail("ws-intruder"));
    try (LiveSocket socket = LiveSocket.open(client, ann.accessToken())) {
      socket.next("ready");
      socket.send(new JsonObject().put("type", "auth").put("token", bob.accessToken()));
      assertThat(socket.next("error").getString("code")).isEqualTo("FORBIDDEN");
      socket.assertClosedWith(4403);
    }
  }

  @Test
  void heartbeatsArriveAndAClientThatAnswersThemStaysConnected() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("ws-heartbeat"));
    try (LiveSocket socket = LiveSocket.open(client, user.accessToken())) {
      socket.next("ready");
      for (int i = 0; i < 3; i++) {
        assertThat(Instant.parse(socket.next("heartbeat").getString("at"))).isBefore(Instant.now().plusSeconds(1));
      }
      assertThat(socket.pings()).isGreaterThanOrEqualTo(2);
      socket.roundTrip();
      assertThat(socket.isOpen()).isTrue();
    }
  }

  @Test
  void aClientThatNeverAnswersPingsIsClosed() throws Exception {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("ws-silent"));
    try (SilentWebSocket socket = SilentWebSocket.open(user.accessToken())) {
      assertThat(socket.awaitClose()).isEqualTo(4408);
      assertThat(socket.pings()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void endingTheSessionClosesItsSocketAtTheNextHeartbeat() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("ws-logout"));
    try (LiveSocket socket = LiveSocket.open(client, user.accessToken())) {
      socket.next("ready");
      assertThat(http.post("/api/v1/auth/logout").json(new JsonObject().put("refreshToken", user.refreshToken()))
          .send().status()).isEqualTo(204);
      assertThat(socket.next("error").getString("code")).isEqualTo("UNAUTHORIZED");
      socket.assertClosedWith(4401);
    }
  }

  @Test
  void otherMessagesAreAnsweredWithAnErrorAndTheConnectionStays() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("ws-chatty"));
    try (LiveSocket socket = LiveSocket.open(client, user.accessToken())) {
      socket.next("ready");
      socket.send(new JsonObject().put("type", "subscribe").put("to", "everything"));
      assertThat(socket.next("error").getString("code")).isEqualTo("BAD_MESSAGE");
      socket.sendText("not json at all");
      assertThat(socket.next("error").getString("code")).isEqualTo("BAD_MESSAGE");
      socket.roundTrip();
      assertThat(socket.isOpen()).isTrue();
    }
  }

  @Test
  void oversizedMessagesCloseTheConnection() {
    Users.Session user = Users.register(http, TestPlatform.uniqueEmail("ws-large"));
    try (LiveSocket socket = LiveSocket.open(client, user.accessToken())) {
      socket.next("ready");
      socket.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(9_000) + "\"}");
      assertThat(socket.awaitClose()).isEqualTo((short) 1009);
    }
  }

  @Test
  void foreignOriginsCannotOpenASocket() {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(TestPlatform.config().getJsonObject("http").getInteger("port")).setURI("/ws")
        .addHeader("Origin", "https://evil.example");
    Throwable failure = catchThrowable(() -> client.connect(options).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS));
    assertThat(failure).hasCauseInstanceOf(UpgradeRejectedException.class);
    assertThat(((UpgradeRejectedException) failure.getCause()).getStatus()).isEqualTo(403);
  }

  @Test
  void aPlainRequestToTheSocketPathIsABadRequest() {
    HttpTestClient.Reply reply = http.get("/ws").send();
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("BAD_REQUEST");
  }

  /** Issue 10: an upgrade without {@code Connection: Upgrade} was answered by the server in text/plain. */
  @Test
  void anUpgradeWithoutConnectionUpgradeIsABadRequestInTheErrorShape() {
    RawHttp.Answer answer = RawHttp.request("GET", "/ws").header("Upgrade", "websocket")
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13").send();
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().get("content-type")).isEqualTo("application/json");
    assertThat(answer.errorCode()).isEqualTo("BAD_REQUEST");
  }

  private static JsonObject orderStatus(String to) {
    return new JsonObject().put("type", "order.status").put("orderId", UUID.randomUUID().toString())
        .put("number", "PM202501010000000001").put("from", "PENDING_PAYMENT").put("to", to)
        .put("at", Instant.now().toString());
  }

  private static void publish(Users.Session user, JsonObject event) {
    TestPlatform.vertx().eventBus().publish(Addresses.userEvents(user.userId()), event);
  }
}
