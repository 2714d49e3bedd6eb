package io.polymart.main;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** A test client for {@code /ws}: collects the JSON messages, pings and close code of one connection. */
final class LiveSocket implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final ClientWebSocket ws;
  private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final List<JsonObject> seen = new ArrayList<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();
  private final AtomicInteger pings = new AtomicInteger();

  private LiveSocket(ClientWebSocket ws) {
    this.ws = ws;
  }

  private static WebSocketClient sharedClient;

  /** A client on a Vert.x of its own, made once for the test JVM, for tests that need no client settings. */
  static synchronized WebSocketClient sharedClient() {
    if (sharedClient == null) {
      sharedClient = Vertx.vertx().createWebSocketClient();
    }
    return sharedClient;
  }

  /** Opens {@code /ws}, with {@code Authorization: Bearer <token>} unless the token is null. */
  static LiveSocket open(WebSocketClient client, String bearerToken) {
    return open(client, TestPlatform.config().getJsonObject("http").getInteger("port"), bearerToken);
  }

  /** Opens {@code /ws} of the node listening on {@code port}. */
  static LiveSocket open(WebSocketClient client, int port, String bearerToken) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(port).setURI("/ws")
        // A browser's Origin must be one of http.corsOrigins; a client without one (like this) is not a browser.
        .setAllowOriginHeader(false);
    if (bearerToken != null) {
      options.addHeader("Authorization", "Bearer " + bearerToken);
    }
    ClientWebSocket ws = client.webSocket();
    LiveSocket socket = new LiveSocket(ws);
    ws.textMessageHandler(text -> socket.inbox.add(new JsonObject(text)));
    ws.frameHandler(frame -> {
      if (frame.type() == WebSocketFrameType.PING) {
        socket.pings.incrementAndGet();
      }
    });
    ws.closeHandler(v -> socket.closed.complete(ws.closeStatusCode() == null ? (short) 1006 : ws.closeStatusCode()));
    try {
      await(ws.connect(options).toCompletionStage().toCompletableFuture());
    } catch (AssertionError failed) {
      // a socket the server closes at once (a refused token) can be closed before the handshake completes here
      if (!failed.getMessage().contains("WebSocket is closed")) {
        throw failed;
      }
      await(socket.closed);
    }
    return socket;
  }

  void send(JsonObject message) {
    await(ws.writeTextMessage(message.encode()).toCompletionStage().toCompletableFuture());
  }

  void sendText(String text) {
    await(ws.writeTextMessage(text).toCompletionStage().toCompletableFuture());
  }

  /** The next message of this type; heartbeats and other types that come first are kept in {@link #seen()}. */
  JsonObject next(String type) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject message = poll(deadline - System.nanoTime());
      if (message == null) {
        break;
      }
      seen.add(message);
      if (type.equals(message.getString("type"))) {
        return message;
      }
    }
    return fail("No '" + type + "' message within " + WAIT + "; got " + seen);
  }

  /** A ping answered, so everything the server sent before the pong has arrived. */
  void roundTrip() {
    send(new JsonObject().put("type", "ping"));
    next("pong");
  }

  /** Every message received so far that is not about the connection itself (ready, heartbeat, pong). */
  List<JsonObject> events() {
    inbox.drainTo(seen);
    return seen.stream().filter(m -> !List.of("ready", "heartbeat", "pong", "refreshed")
        .contains(m.getString("type"))).toList();
  }

  /** Waits for the server to close the connection and answers its close code. */
  short awaitClose() {
    return await(closed);
  }

  private String closeReason() {
    return ws.closeReason();
  }

  boolean isOpen() {
    return !closed.isDone();
  }

  int pings() {
    return pings.get();
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      ws.close();
    }
  }

  private JsonObject poll(long nanos) {
    try {
      return inbox.poll(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("WebSocket operation did not complete: " + e, e);
    }
  }

  void assertClosedWith(int code) {
    assertThat(awaitClose()).as("close code (reason %s)", closeReason()).isEqualTo((short) code);
  }
}
