package io.polymart.gateway;

import io.polymart.core.auth.JwtKeys;
import io.polymart.core.client.BusClient;
import io.polymart.core.client.RevocationsClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The HTTP front door: the operations of {@code schemas/openapi.yaml} (see {@link ApiRouter}), forwarded to
 * verticles over the event bus, and live updates on /ws.
 */
public final class GatewayVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);
  private static final long SHUTDOWN_GRACE_SECONDS = 10;
  private HttpServer server;

  /**
   * Starts building the contract that every gateway instance of this Vert.x shares, so that a node can do it while
   * the verticles the gateway waits for are starting.
   */
  public static Future<?> loadContract(Vertx vertx) {
    return ApiContract.shared(vertx);
  }

  @Override
  public Future<?> start() {
    JsonObject http = config().getJsonObject("http");
    BusClient bus = BusClient.create(vertx, config());
    RevokedTokens revoked = new RevokedTokens();
    ApiRouter routes = new ApiRouter(vertx, config(), new AccessTokens(JwtKeys.provider(vertx, config()), revoked), bus);
    // No h2c upgrade: clients (curl, java.net.http) choke on a large response right after the 101,
    // and browsers never use cleartext HTTP/2 anyway. TLS and HTTP/2 belong to the proxy in front.
    HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false)
        .setMaxWebSocketFrameSize(LiveUpdates.MAX_MESSAGE_BYTES)
        .setMaxWebSocketMessageSize(LiveUpdates.MAX_MESSAGE_BYTES);
    return ApiContract.shared(vertx)
        .compose(api -> revoked.start(vertx, new RevocationsClient(bus)).compose(v -> vertx.createHttpServer(options)
            .requestHandler(routes.create(api.contract(), api.validation()))
            .invalidRequestHandler(UnparsableRequests::handle)
            .listen(http.getInteger("port"), http.getString("host"))))
        .onSuccess(started -> {
          server = started;
          LOG.debug("Gateway instance listening on {}:{}", http.getString("host"), started.actualPort());
        });
  }

  @Override
  public Future<?> stop() {
    // Graceful: stop accepting, let requests in flight finish, then close what is left.
    return server == null ? Future.succeededFuture() : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
  }
}
