package io.polymart.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * {@code GET /ws}: upgrades to a WebSocket that pushes the signed-in user's live events (order status, cart changes)
 * published on {@link io.polymart.core.bus.Addresses#userEvents} from any node. The protocol is in {@link LiveSession}.
 */
final class LiveUpdates {
  static final String PATH = "/ws";
  /** Clients only send small control messages; anything larger is refused by the server's frame decoder. */
  static final int MAX_MESSAGE_BYTES = 8 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);
  private final Vertx vertx;
  private final AccessTokens tokens;
  private final long authTimeoutMs;
  private final long heartbeatMs;

  LiveUpdates(Vertx vertx, AccessTokens tokens, JsonObject wsConfig) {
    this.vertx = vertx;
    this.tokens = tokens;
    this.authTimeoutMs = wsConfig.getLong("authTimeoutSeconds") * 1000;
    this.heartbeatMs = wsConfig.getLong("heartbeatSeconds") * 1000;
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!isHandshake(request)) {
      ErrorResponses.send(ctx, 400, "BAD_REQUEST", "Connect to " + PATH + " with a WebSocket client");
      return;
    }
    String authorization = BrowserRequests.webSocketAuthorization(request);
    request.toWebSocket()
        .onSuccess(ws -> new LiveSession(ws, vertx, tokens, authTimeoutMs, heartbeatMs).start(authorization))
        .onFailure(e -> LOG.debug("WebSocket upgrade failed: {}", e.getMessage()));
  }

  /**
   * What the server's upgrade needs to go ahead (RFC 6455 4.2.1); without it, it would answer its own
   * {@code text/plain} 400 instead of the documented error shape.
   */
  static boolean isHandshake(HttpServerRequest request) {
    String connection = request.getHeader(HttpHeaders.CONNECTION);
    return "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))
        && connection != null
        && Arrays.stream(connection.split(",")).anyMatch(token -> token.trim().equalsIgnoreCase("upgrade"))
        && request.getHeader("Sec-WebSocket-Key") != null;
  }
}
