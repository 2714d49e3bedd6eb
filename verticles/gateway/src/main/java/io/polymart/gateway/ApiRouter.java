package io.polymart.gateway;

import io.polymart.core.client.BusClient;
import io.polymart.core.client.CartClient;
import io.polymart.core.client.MediaClient;
import io.polymart.core.client.StorefrontClient;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CSRFHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The gateway's routes, one per operation of the contract: the operation's access check, then its hook or the
 * plain forward to its event-bus address. Request validation runs inside the forward (see {@link RequestValidation}),
 * after the access check, so an anonymous caller learns nothing about the body's rules.
 */
final class ApiRouter {
  /** A path segment that is {@code .} or {@code ..}, literally or percent-encoded. */
  private static final Pattern DOT_SEGMENT =
      Pattern.compile("(^|/)(\\.|%2[eE]){1,2}(/|$)");
  static final String API_PREFIX = "/api/v1/";
  private static final long CSRF_TOKEN_MILLIS = 12L * 3600 * 1000;
  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
  private final Vertx vertx;
  private final JsonObject config;
  private final RequestContext requestContext;
  private final BearerAuth auth;
  private final AccessTokens tokens;
  private final BusClient bus;

  ApiRouter(Vertx vertx, JsonObject config, AccessTokens tokens, BusClient bus) {
    this.vertx = vertx;
    this.config = config;
    this.tokens = tokens;
    this.bus = bus;
    this.requestContext = new RequestContext(config.getJsonObject("http").getBoolean("trustForwardedFor"),
        HttpMetrics.from(config));
    this.auth = new BearerAuth(tokens);
  }

  Router create(OpenAPIContract contract, RequestValidation validation) {
    JsonObject http = config.getJsonObject("http");
    BrowserCookies cookies = new BrowserCookies(http.getBoolean("trustForwardedFor"),
        config.getJsonObject("jwt").getLong("refreshTokenDays") * 24 * 3600);
    CSRFHandler csrf = csrfHandler();
    BusForwarder forwarder = new BusForwarder(vertx, bus.timeout(), validation,
        requestContext, cookies);
    Hooks hooks = new Hooks(forwarder);
    BodyHandler jsonBodies = BodyHandler.create(false).setBodyLimit(http.getLong("maxBodyBytes"));
    OwnBodies ownBodies = OwnBodies.of(contract);
    CorsHandler cors = cors(http);
    // The builder puts every root handler on one route, where Vert.x wants security policies before the rest;
    // ours must see every request first (its id, its headers), so the CORS handler is wrapped.
    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler())
        .rootHandler(requestContext::handle)
        .rootHandler(SecurityHeaders::handle)
        .rootHandler(TextGuard::handle)
        // the storefront's own pages send an Origin too (browsers do on every POST): same-origin is no CORS request
        .rootHandler(ctx -> {
          if (BrowserRequests.sameOrigin(ctx.request())) {
            ctx.next();
          } else {
            cors.handle(ctx);
          }
        })
        .rootHandler(ApiRouter::refuseEmptySegments)
        .rootHandler(ctx -> readJsonBody(ctx, ownBodies, jsonBodies))
        .rootHandler(new BrowserRequests(csrf)::handle);
    Handler<RoutingContext> media = null;
    for (OpenAPIRoute route : builder.getRoutes()) {
      ApiOperation operation = ApiOperation.of(route.getOperation());
      // access and validation are ours: the roles, optional sign-in and revocation do not fit the contract's schemes
      route.setDoSecurity(false).setDoValidation(false);
      if (operation.hook() == Hook.MULTIPART_UPLOAD) {
        // the upload is read (to a temporary file) before its access check: Vert.x wants the body handler first
        route.addHandler(ImageUploads.bodyHandler(uploadsDirectory(), maxImageBytes()));
        route.addFailureHandler(this::uploadTooLarge);
      }
      if (operation.access() != Access.PUBLIC && operation.hook() != Hook.LIVE_UPDATES) {
        route.addHandler(ctx -> auth.authenticate(ctx, operation.access()));
      }
      Handler<RoutingContext> handler = hooks.handler(operation);
      route.addHandler(handler);
      if (operation.hook() == Hook.MEDIA) {
        media = handler;
      }
    }
    Router router = builder.createRouter();
    if (media != null) {
      // media keys hold slashes, which OpenAPI path templating cannot say
      router.getWithRegex(MediaRoutes.PREFIX + ".+").setName("media").handler(media);
    }
    storefrontRoutes(contract, forwarder, cookies, csrf).install(router);
    errorHandlers(router, http);
    return router;
  }

  private StorefrontRoutes storefrontRoutes(OpenAPIContract contract, BusForwarder forwarder, BrowserCookies cookies,
      CSRFHandler csrf) {
    SessionForms forms = new SessionForms(forwarder, cookies, new GuestCartMerge(new CartClient(bus)),
        ApiOperation.of(contract.operation("login")), ApiOperation.of(contract.operation("register")),
        ApiOperation.of(contract.operation("logout")));
    PageViewers viewers = new PageViewers(tokens, forwarder, ApiOperation.of(contract.operation("refreshTokens")),
        cookies);
    return new StorefrontRoutes(new StorefrontClient(bus), cookies, csrf, viewers, forms);
  }

  /**
   * The storefront's CSRF tokens (double submit: a cookie and the same value in a form field or header), signed with
   * a key derived from {@code jwt.secret} so that every gateway instance and node accepts each other's. A page's token
   * lasts half a day.
   */
  private CSRFHandler csrfHandler() {
    return CSRFHandler.create(vertx, "csrf:" + config.getJsonObject("jwt").getString("secret"))
        .setTimeout(CSRF_TOKEN_MILLIS);
  }

  /** What each hook of the contract does; an operation without one is a plain forward. */
  private final class Hooks {
    private final BusForwarder forwarder;
    private final HealthRoutes health = new HealthRoutes(vertx.eventBus());
    private final Buffer document = ApiContract.document();

    Hooks(BusForwarder forwarder) {
      this.forwarder = forwarder;
    }

    Handler<RoutingContext> handler(ApiOperation operation) {
      return switch (operation.hook()) {
        case NONE -> ctx -> forwarder.forward(ctx, operation);
        case GUEST_CART_MERGE -> {
          GuestCartMerge merge = new GuestCartMerge(new CartClient(bus));
          yield ctx -> forwarder.forward(ctx, operation, merge);
        }
        case RAW_BODY -> {
          PaymentWebhooks webhooks = new PaymentWebhooks(forwarder);
          yield ctx -> webhooks.forward(ctx, operation);
        }
        case MULTIPART_UPLOAD -> {
          ImageUploads uploads = new ImageUploads(vertx.fileSystem(), forwarder);
          yield ctx -> uploads.forward(ctx, operation);
        }
        case MEDIA -> new MediaRoutes(new MediaClient(bus))::get;
        case READY -> health::ready;
        case HEALTH -> health::health;
        case OPENAPI_DOCUMENT -> ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml")
            .end(document);
        case LIVE_UPDATES -> new LiveUpdates(vertx, tokens, config.getJsonObject("http").getJsonObject("ws"))::handle;
      };
    }
  }

  /**
   * A path with an empty segment ({@code /products//publish}, {@code /brands/}) or a dot segment
   * ({@code /cart/items/.}, {@code /a/../b}, also percent-encoded) names no resource; Vert.x would route it as the
   * path without that segment (a known path, so {@code 405}, or even another operation).
   */
  private static void refuseEmptySegments(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path != null && (path.contains("//") || path.length() > 1 && path.endsWith("/")
        || mayHoldDotSegment(path) && DOT_SEGMENT.matcher(path).find())) {
      ErrorResponses.send(ctx, 404, "NOT_FOUND", "No such resource");
    } else {
      ctx.next();
    }
  }

  /**
   * Whether the path has a character of a dot segment: the regular expression, run on every request, took 2.4 % of the
   * platform's CPU serving product pages, whose paths have neither.
   */
  private static boolean mayHoldDotSegment(String path) {
    return path.indexOf('.') >= 0 || path.indexOf('%') >= 0;
  }

  /**
   * Every request under {@code /api/v1/}, known or not, has its body read up to {@code http.maxBodyBytes} (413
   * beyond) before routing, except the operations that read their own.
   */
  private static void readJsonBody(RoutingContext ctx, OwnBodies ownBodies, BodyHandler jsonBodies) {
    String path = ctx.request().path();
    if (path.startsWith(API_PREFIX) && !ownBodies.readsOwn(path, ctx.request().method())) {
      jsonBodies.handle(ctx);
    } else {
      ctx.next();
    }
  }

  /** The operations that read their own body ({@link Hook#readsOwnBody}). */
  private record OwnBodies(OpenAPIContract contract, Set<String> operationIds, Set<HttpMethod> methods) {
    static OwnBodies of(OpenAPIContract contract) {
      List<ApiOperation> own = contract.operations().stream().map(ApiOperation::of)
          .filter(operation -> operation.hook().readsOwnBody()).toList();
      return new OwnBodies(contract, own.stream().map(ApiOperation::id).collect(Collectors.toSet()),
          own.stream().map(ApiOperation::method).collect(Collectors.toSet()));
    }

    /**
     * Whether the request is for one of them. Only a request of one of their methods is matched against the contract:
     * that took 1.8 % of the event loops' CPU serving product pages.
     */
    boolean readsOwn(String path, HttpMethod method) {
      if (!methods.contains(method)) {
        return false;
      }
      Operation operation = contract.findOperation(path, method);
      return operation != null && operationIds.contains(operation.getOperationId());
    }
  }

  private static CorsHandler cors(JsonObject http) {
    return CorsHandler.create()
        .addOrigins(http.getJsonArray("corsOrigins").stream().map(String.class::cast).toList())
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
        .allowedHeaders(Set.of("Authorization", "Content-Type", "X-Request-Id", BusForwarder.IDEMPOTENCY_KEY_HEADER,
            BusForwarder.CART_TOKEN_HEADER, VisitorIds.HEADER, "If-None-Match"))
        .exposedHeaders(Set.of("X-Request-Id", "Retry-After", "ETag", "X-Cache", BusForwarder.CART_TOKEN_HEADER));
  }

  private void uploadTooLarge(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      ErrorResponses.send(ctx, 413, "PAYLOAD_TOO_LARGE", "Images may be at most " + maxImageBytes() + " bytes");
    } else {
      ctx.next();
    }
  }

  private long maxImageBytes() {
    return config.getJsonObject("catalog").getJsonObject("images").getLong("maxBytes");
  }

  private String uploadsDirectory() {
    return Path.of(config.getString("dataDir"), "uploads").toString();
  }

  private static void errorHandlers(Router router, JsonObject http) {
    router.errorHandler(400, ctx -> ErrorResponses.send(ctx, 400, "BAD_REQUEST", "The request is malformed"));
    router.errorHandler(403, ctx -> ErrorResponses.send(ctx, 403, "FORBIDDEN", "This request is not allowed"));
    router.errorHandler(404, ctx -> ErrorResponses.send(ctx, 404, "NOT_FOUND", "No such resource"));
    router.errorHandler(405, ctx -> ErrorResponses.send(ctx, 405, "METHOD_NOT_ALLOWED",
        "This method is not allowed on this resource"));
    router.errorHandler(413, ctx -> ErrorResponses.send(ctx, 413, "PAYLOAD_TOO_LARGE",
        "Request body exceeds " + http.getLong("maxBodyBytes") + " bytes"));
    router.errorHandler(500, ApiRouter::internalError);
  }

  private static void internalError(RoutingContext ctx) {
    if (ctx.failure() != null) {
      LOG.error("Unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
    }
    ErrorResponses.send(ctx, ServiceException.internal());
  }
}
