package io.polymart.gateway;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusReply;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.UnhandledRequests;
import io.polymart.core.error.ServiceException;
import io.polymart.core.logging.RequestScope;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.Map;

/** Turns an HTTP request into an event-bus request and the reply into an HTTP response. */
final class BusForwarder {
  static final String CART_TOKEN_HEADER = "X-Cart-Token";
  static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
  static final int MAX_CART_TOKEN_LENGTH = 200;
  static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
  private final Vertx vertx;
  private final long timeoutMillis;
  private final RequestValidation validation;
  private final RequestContext requestContext;
  private final BrowserCookies cookies;

  /** Forwards with the one timeout of calls between verticles ({@code bus.timeoutSeconds}). */
  BusForwarder(Vertx vertx, Duration timeout, RequestValidation validation, RequestContext requestContext,
      BrowserCookies cookies) {
    this.vertx = vertx;
    this.timeoutMillis = timeout.toMillis();
    this.validation = validation;
    this.requestContext = requestContext;
    this.cookies = cookies;
  }

  /** Runs once a reply arrived and before it is answered; its failure is answered instead of the reply. */
  interface BeforeAnswer {
    BeforeAnswer NONE = (ctx, reply) -> Future.succeededFuture();

    Future<Void> apply(RoutingContext ctx, Message<Object> reply);
  }

  void forward(RoutingContext ctx, ApiOperation route) {
    forward(ctx, route, BeforeAnswer.NONE);
  }

  /** Validates the query and the JSON body against the contract, then sends them. */
  void forward(RoutingContext ctx, ApiOperation route, BeforeAnswer beforeAnswer) {
    JsonObject body;
    try {
      validation.validateQuery(route.id(), query(ctx));
      body = route.takesJsonBody() ? JsonBodies.parse(ctx) : new JsonObject();
      validation.validateBody(route.id(), body);
    } catch (ServiceException e) {
      ErrorResponses.send(ctx, e);
      return;
    }
    send(ctx, route, body, beforeAnswer);
  }

  /**
   * The query parameters, split at {@code &} only: a {@code ;} is part of a value (as in URLSearchParams), not the
   * legacy separator Netty's decoder takes it for, which validated a cut value and forwarded a different one.
   */
  private static MultiMap query(RoutingContext ctx) {
    return ctx.request().params(true);
  }

  /**
   * Validates {@code body} against the operation's schema and sends it as the request's caller, for the gateway to
   * use the reply itself (the storefront's forms); the reply's JSON object, empty when it had none.
   */
  Future<JsonObject> call(RoutingContext ctx, ApiOperation route, JsonObject body) {
    DeliveryOptions options;
    try {
      validation.validateBody(route.id(), body);
      options = deliveryOptions(ctx);
    } catch (ServiceException e) {
      return Future.failedFuture(e);
    }
    return request(route.address(), BusRequest.envelope(new JsonObject(), new JsonObject(), body), options)
        .map(reply -> reply.body() instanceof Buffer encoded ? new JsonObject(encoded) : new JsonObject());
  }

  /** Sends {@code body} with the request's path and query parameters and answers with the reply. */
  void send(RoutingContext ctx, ApiOperation route, JsonObject body) {
    send(ctx, route, body, BeforeAnswer.NONE);
  }

  private void send(RoutingContext ctx, ApiOperation route, JsonObject body, BeforeAnswer beforeAnswer) {
    DeliveryOptions options;
    try {
      options = deliveryOptions(ctx);
      if (route.takesVisitorId()) {
        String visitorId = VisitorIds.of(ctx.request());
        if (visitorId != null) {
          options.addHeader(BusHeaders.VISITOR_ID, visitorId);
        }
      }
    } catch (ServiceException e) {
      ErrorResponses.send(ctx, e);
      return;
    }
    JsonObject params = new JsonObject();
    ctx.pathParams().forEach(params::put);
    JsonObject query = new JsonObject();
    for (Map.Entry<String, String> entry : query(ctx)) {
      query.put(entry.getKey(), entry.getValue());
    }
    request(route.address(), BusRequest.envelope(params, query, body), options)
        .compose(reply -> beforeAnswer.apply(ctx, reply).map(reply))
        .onComplete(reply -> {
          if (reply.failed()) {
            ErrorResponses.send(ctx, ServiceException.fromFailure(reply.cause()));
          } else {
            respond(ctx, route, reply.result());
          }
        });
  }

  /**
   * To the verticle's instance on this event loop where there is one. A request that reached no handler (an instance
   * was leaving) is sent again: it was never handled.
   */
  private Future<Message<Object>> request(String address, JsonObject envelope, DeliveryOptions options) {
    return UnhandledRequests.send(vertx, address, envelope, options);
  }

  private void respond(RoutingContext ctx, ApiOperation route, Message<Object> reply) {
    HttpServerResponse response = ctx.response();
    String etag = reply.headers().get(BusReply.ETAG);
    String cache = reply.headers().get(BusReply.X_CACHE);
    if (cache != null) {
      response.putHeader("X-Cache", cache);
    }
    String cartToken = reply.headers().get(BusReply.CART_TOKEN);
    if (cartToken != null && BrowserRequests.fromBrowser(ctx)) {
      cookies.keepCart(ctx, cartToken);
    } else if (cartToken != null) {
      response.putHeader(CART_TOKEN_HEADER, cartToken);
    }
    if (etag != null) {
      // revalidate on every use: the ETag makes that a cheap 304
      response.putHeader(HttpHeaders.ETAG, etag).putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
      if (matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
        response.setStatusCode(304).end();
        return;
      }
    } else {
      response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    if (route.successStatus() == 204 || reply.body() == null) {
      response.setStatusCode(204).end();
    } else {
      // every reply comes encoded (BusHeaders.TAKES_ENCODED_JSON): sent as it is
      response.setStatusCode(route.successStatus())
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end((Buffer) reply.body());
    }
  }

  /** {@code If-None-Match} holds one or more entity tags, or {@code *}; weak tags compare by their value. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.equals(etag) || (tag.startsWith("W/") && tag.substring(2).equals(etag))) {
        return true;
      }
    }
    return false;
  }

  private DeliveryOptions deliveryOptions(RoutingContext ctx) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMillis)
        .addHeader(BusHeaders.TAKES_ENCODED_JSON, "1")
        .addHeader(BusHeaders.CLIENT_IP, requestContext.clientIp(ctx))
        .addHeader(BusHeaders.REQUEST_ID, RequestContext.requestId(ctx));
    String userAgent = ctx.request().getHeader(HttpHeaders.USER_AGENT);
    if (userAgent != null) {
      options.addHeader(BusHeaders.USER_AGENT, userAgent.length() > 512 ? userAgent.substring(0, 512) : userAgent);
    }
    copy(BrowserRequests.cartToken(ctx), options, CART_TOKEN_HEADER, BusHeaders.CART_TOKEN, MAX_CART_TOKEN_LENGTH);
    copy(ctx.request().getHeader(IDEMPOTENCY_KEY_HEADER), options, IDEMPOTENCY_KEY_HEADER, BusHeaders.IDEMPOTENCY_KEY,
        MAX_IDEMPOTENCY_KEY_LENGTH);
    Identity identity = ctx.get(Identity.KEY);
    if (identity != null) {
      RequestScope.enter(RequestContext.requestId(ctx), identity.userId());
      options.addHeader(BusHeaders.USER_ID, identity.userId())
          .addHeader(BusHeaders.USER_ROLES, String.join(",", identity.roles()));
      if (identity.sessionId() != null) {
        options.addHeader(BusHeaders.SESSION_ID, identity.sessionId());
      }
    }
    return options;
  }

  /** An empty value counts as absent; an over-long one is a 400 rather than silently cut. */
  private static void copy(String value, DeliveryOptions options, String httpName, String busName, int maxLength) {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (value.length() > maxLength) {
      throw ServiceException.invalidField(httpName, "must be at most " + maxLength + " characters");
    }
    options.addHeader(busName, value);
  }
}
