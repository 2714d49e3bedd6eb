package io.polymart.gateway;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.polymart.core.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One live-updates WebSocket. It is authenticated by the upgrade's bearer token or by a first
 * {@code {"type":"auth","token":...}} message, then forwards its user's events as text messages until the token
 * expires, is revoked or the client stops answering heartbeats. Close codes mirror HTTP: 4401 unauthenticated,
 * expired or revoked; 4403 a re-authentication as someone else; 4408 no answer to heartbeats.
 */
final class LiveSession {
  static final short UNAUTHORIZED = 4401;
  static final short FORBIDDEN = 4403;
  static final short HEARTBEAT_TIMEOUT = 4408;
  private static final short POLICY_VIOLATION = 1008;
  private static final short SERVER_ERROR = 1011;
  private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);
  private final ServerWebSocket ws;
  private final Vertx vertx;
  private final AccessTokens tokens;
  private final long authTimeoutMs;
  private final long heartbeatMs;
  private Identity identity;
  private MessageConsumer<Object> events;
  private long authTimer = -1;
  private long expiryTimer = -1;
  private long heartbeatTimer = -1;
  private long lastHeardAt;

  LiveSession(ServerWebSocket ws, Vertx vertx, AccessTokens tokens, long authTimeoutMs, long heartbeatMs) {
    this.ws = ws;
    this.vertx = vertx;
    this.tokens = tokens;
    this.authTimeoutMs = authTimeoutMs;
    this.heartbeatMs = heartbeatMs;
  }

  /** {@code authorization} is the upgrade request's Authorization header, or null to wait for an auth message. */
  void start(String authorization) {
    lastHeardAt = System.currentTimeMillis();
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(data -> {
      heard();
      if (identity == null) {
        rejectUnauthenticated();
      } else {
        error("BAD_MESSAGE", "Messages are JSON text");
      }
    });
    ws.pongHandler(data -> heard());
    ws.exceptionHandler(e -> {
      LOG.debug("WebSocket of user {} failed: {}", userId(), e.toString());
      // A frame or message over the size limit arrives as a corrupted frame naming its close status (1009).
      if (e instanceof CorruptedWebSocketFrameException corrupt) {
        close((short) corrupt.closeStatus().code(), corrupt.closeStatus().reasonText());
      } else {
        close(POLICY_VIOLATION, "protocol error");
      }
    });
    ws.closeHandler(v -> end());
    if (authorization != null) {
      authenticate(BearerAuth.bearerToken(authorization));
    } else {
      authTimer = vertx.setTimer(authTimeoutMs, id -> reject(UNAUTHORIZED, "UNAUTHORIZED",
          "Authenticate within " + authTimeoutMs / 1000 + " seconds", "authentication timeout"));
    }
  }

  private void onText(String text) {
    heard();
    JsonObject message = parse(text);
    Object type = message == null ? null : message.getValue("type");
    if ("auth".equals(type)) {
      authenticate(message.getValue("token") instanceof String token ? token : null);
    } else if (identity == null) {
      rejectUnauthenticated();
    } else if ("ping".equals(type)) {
      send(new JsonObject().put("type", "pong"));
    } else {
      error("BAD_MESSAGE", "Expected a JSON object with type auth or ping");
    }
  }

  /** Reads are paused meanwhile, so messages after an auth message are handled under its outcome. */
  private void authenticate(String token) {
    vertx.cancelTimer(authTimer);
    ws.pause();
    tokens.verify(token).onComplete(done -> {
      if (ws.isClosed()) {
        return;
      }
      if (done.failed()) {
        reject(UNAUTHORIZED, "UNAUTHORIZED", AccessTokens.INVALID, "invalid token");
      } else if (identity == null) {
        subscribe(done.result());
      } else if (!identity.userId().equals(done.result().userId())) {
        reject(FORBIDDEN, "FORBIDDEN", "A connection stays with the user who opened it", "another user");
      } else {
        identity = done.result();
        expireAtTokenExpiry();
        send(new JsonObject().put("type", "refreshed").put("userId", identity.userId())
            .put("expiresAt", Instant.ofEpochSecond(identity.expiresAt()).toString()));
        ws.resume();
      }
    });
  }

  /** Events wait in the paused consumer until "ready" is out, so none arrives before it or is lost. */
  private void subscribe(Identity verified) {
    identity = verified;
    events = vertx.eventBus().consumer(Addresses.userEvents(verified.userId()));
    events.handler(this::onEvent).pause();
    events.completion().onComplete(registered -> {
      if (ws.isClosed()) {
        return;
      }
      if (registered.failed()) {
        LOG.warn("Could not subscribe to the events of user {}: {}", verified.userId(), registered.cause().getMessage());
        close(SERVER_ERROR, "try again later");
        return;
      }
      send(new JsonObject().put("type", "ready").put("userId", verified.userId())
          .put("expiresAt", Instant.ofEpochSecond(verified.expiresAt()).toString()));
      expireAtTokenExpiry();
      heartbeatTimer = vertx.setPeriodic(heartbeatMs, id -> heartbeat());
      events.resume();
      ws.resume();
    });
  }

  private void onEvent(Message<Object> message) {
    if (!(message.body() instanceof JsonObject event)) {
      LOG.debug("Ignoring a non-JSON event for user {}", identity.userId());
    } else if (ws.writeQueueFull()) {
      // A client that cannot keep up reconnects and reloads rather than making the gateway buffer without end.
      close(POLICY_VIOLATION, "too slow");
    } else {
      send(event);
    }
  }

  private void heartbeat() {
    if (System.currentTimeMillis() - lastHeardAt > 2 * heartbeatMs) {
      close(HEARTBEAT_TIMEOUT, "no answer to heartbeats");
    } else if (tokens.isRevoked(identity)) {
      reject(UNAUTHORIZED, "UNAUTHORIZED", "The session has ended", "token revoked");
    } else {
      ws.writePing(Buffer.buffer());
      send(new JsonObject().put("type", "heartbeat").put("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()));
    }
  }

  private void expireAtTokenExpiry() {
    vertx.cancelTimer(expiryTimer);
    long delay = Math.max(1, identity.expiresAt() * 1000 - System.currentTimeMillis());
    expiryTimer = vertx.setTimer(delay, id -> reject(UNAUTHORIZED, "UNAUTHORIZED",
        "The access token expired; reconnect or send a fresh one", "token expired"));
  }

  private void heard() {
    lastHeardAt = System.currentTimeMillis();
  }

  private void error(String code, String message) {
    send(new JsonObject().put("type", "error").put("code", code).put("message", message));
  }

  private void rejectUnauthenticated() {
    reject(UNAUTHORIZED, "UNAUTHORIZED", "Send {\"type\":\"auth\",\"token\":...} first", "authentication required");
  }

  private void reject(short closeCode, String code, String message, String reason) {
    error(code, message);
    close(closeCode, reason);
  }

  private void send(JsonObject message) {
    if (!ws.isClosed()) {
      ws.writeTextMessage(message.encode());
    }
  }

  private void close(short code, String reason) {
    if (!ws.isClosed()) {
      ws.close(code, reason);
    }
  }

  private void end() {
    vertx.cancelTimer(authTimer);
    vertx.cancelTimer(expiryTimer);
    vertx.cancelTimer(heartbeatTimer);
    if (events != null) {
      events.unregister();
    }
    LOG.debug("WebSocket of user {} closed ({})", userId(), ws.closeStatusCode());
  }

  private String userId() {
    return identity == null ? "(unauthenticated)" : identity.userId();
  }

  private static JsonObject parse(String text) {
    try {
      return new JsonObject(text);
    } catch (RuntimeException notAnObject) {
      return null;
    }
  }
}
