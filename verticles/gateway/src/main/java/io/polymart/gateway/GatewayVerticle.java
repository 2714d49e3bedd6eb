package io.polymart.gateway;

import io.polymart.core.auth.JwtKeys;
import io.polymart.core.bus.Addresses;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The HTTP front door: routes under /api/v1 forwarded to verticles over the event bus, and live updates on /ws. */
public final class GatewayVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);
  private static final long SHUTDOWN_GRACE_SECONDS = 10;
  private HttpServer server;

  @Override
  public Future<?> start() {
    JsonObject http = config().getJsonObject("http");
    RevokedTokens revoked = new RevokedTokens();
    Router router = router(http, revoked);
    // No h2c upgrade: clients (curl, java.net.http) choke on a large response right after the 101,
    // and browsers never use cleartext HTTP/2 anyway. TLS and HTTP/2 belong to the proxy in front.
    HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false)
        .setMaxWebSocketFrameSize(LiveUpdates.MAX_MESSAGE_BYTES)
        .setMaxWebSocketMessageSize(LiveUpdates.MAX_MESSAGE_BYTES);
    return revoked.start(vertx).compose(v -> vertx.createHttpServer(options)
        .requestHandler(router)
        .listen(http.getInteger("port"), http.getString("host")))
        .onSuccess(started -> {
          server = started;
          LOG.debug("Gateway instance listening on {}:{}", http.getString("host"), started.actualPort());
        });
  }

  private Router router(JsonObject http, RevokedTokens revoked) {
    RequestContext requestContext = new RequestContext(http.getBoolean("trustForwardedFor"));
    AccessTokens tokens = new AccessTokens(JwtKeys.provider(vertx, config()), revoked);
    BearerAuth auth = new BearerAuth(tokens);
    BodySchemas schemas = new BodySchemas(ApiRoutes.all().stream()
        .map(RouteSpec::bodySchema).filter(Objects::nonNull).distinct().toList());
    BusForwarder forwarder = new BusForwarder(vertx.eventBus(), schemas, requestContext);
    HealthRoutes health = new HealthRoutes(vertx.eventBus());
    Buffer openApi = classpathResource("schemas/openapi.yaml");

    Router router = Router.router(vertx);
    router.route().handler(requestContext::handle);
    router.route().handler(SecurityHeaders::handle);
    router.route().handler(CorsHandler.create()
        .addOrigins(http.getJsonArray("corsOrigins").stream().map(String.class::cast).toList())
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
        .allowedHeaders(Set.of("Authorization", "Content-Type", "X-Request-Id", BusForwarder.IDEMPOTENCY_KEY_HEADER,
            BusForwarder.CART_TOKEN_HEADER, "If-None-Match"))
        .exposedHeaders(Set.of("X-Request-Id", "Retry-After", "ETag", "X-Cache", BusForwarder.CART_TOKEN_HEADER)));
    router.get("/health").handler(health::health);
    router.get("/ready").handler(health::ready);
    router.get(ApiRoutes.PREFIX + "/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml").end(openApi));
    router.get(MediaRoutes.PREFIX + "*").handler(new MediaRoutes(vertx.eventBus())::get);
    router.get(LiveUpdates.PATH).handler(new LiveUpdates(vertx, tokens, http.getJsonObject("ws"))::handle);
    RouteSpec upload = ApiRoutes.imageUpload();
    ImageUploads uploads = new ImageUploads(vertx.fileSystem(), forwarder);
    long maxImageBytes = config().getJsonObject("catalog").getJsonObject("images").getLong("maxBytes");
    // Vert.x wants the body handler first: an anonymous upload is read (to a temporary file) before its 401.
    router.route(upload.method(), upload.path())
        .handler(ImageUploads.bodyHandler(Path.of(config().getString("dataDir"), "uploads").toString(), maxImageBytes))
        .handler(ctx -> auth.authenticate(ctx, upload.access()))
        .handler(ctx -> uploads.forward(ctx, upload))
        .failureHandler(ctx -> {
          if (ctx.statusCode() == 413) {
            ErrorResponses.send(ctx, 413, "PAYLOAD_TOO_LARGE", "Images may be at most " + maxImageBytes + " bytes");
          } else {
            ctx.next();
          }
        });
    router.route(ApiRoutes.PREFIX + "/*").handler(BodyHandler.create(false).setBodyLimit(http.getLong("maxBodyBytes")));
    RouteSpec webhook = ApiRoutes.paymentWebhook();
    PaymentWebhooks webhooks = new PaymentWebhooks(forwarder);
    router.route(webhook.method(), webhook.path()).handler(ctx -> webhooks.forward(ctx, webhook));
    GuestCartMerge cartMerge = new GuestCartMerge(vertx.eventBus());
    for (RouteSpec spec : ApiRoutes.all()) {
      Route route = router.route(spec.method(), spec.path());
      if (spec.access() != Access.PUBLIC) {
        route.handler(ctx -> auth.authenticate(ctx, spec.access()));
      }
      BusForwarder.BeforeAnswer beforeAnswer = spec.address().equals(Addresses.USERS_LOGIN)
          ? cartMerge : BusForwarder.BeforeAnswer.NONE;
      route.handler(ctx -> forwarder.forward(ctx, spec, beforeAnswer));
    }
    router.errorHandler(400, ctx -> ErrorResponses.send(ctx, 400, "BAD_REQUEST", "The request is malformed"));
    router.errorHandler(403, ctx -> ErrorResponses.send(ctx, 403, "FORBIDDEN", "This request is not allowed"));
    router.errorHandler(404, ctx -> ErrorResponses.send(ctx, 404, "NOT_FOUND", "No such resource"));
    router.errorHandler(405, ctx -> ErrorResponses.send(ctx, 405, "METHOD_NOT_ALLOWED",
        "This method is not allowed on this resource"));
    router.errorHandler(413, ctx -> ErrorResponses.send(ctx, 413, "PAYLOAD_TOO_LARGE",
        "Request body exceeds " + http.getLong("maxBodyBytes") + " bytes"));
    router.errorHandler(500, this::internalError);
    return router;
  }

  private void internalError(RoutingContext ctx) {
    if (ctx.failure() != null) {
      LOG.error("Unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
    }
    ErrorResponses.send(ctx, ServiceException.internal());
  }

  private static Buffer classpathResource(String name) {
    try (InputStream in = GatewayVerticle.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + name, e);
    }
  }

  @Override
  public Future<?> stop() {
    // Graceful: stop accepting, let requests in flight finish, then close what is left.
    return server == null ? Future.succeededFuture() : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
  }
}
