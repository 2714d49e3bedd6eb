package io.polymart.gateway;

import io.polymart.core.bus.VisitorIdFormat;
import io.polymart.core.client.StorefrontClient;
import io.polymart.core.client.StorefrontClient.FormError;
import io.polymart.core.client.StorefrontClient.RenderedPage;
import io.polymart.core.client.StorefrontClient.Viewer;
import io.polymart.core.error.ServiceException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CSRFHandler;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The storefront's pages, forms and static files, rendered by the storefront verticle: {@code GET} of any path
 * outside {@code /api/}, {@code /ws} and {@code /media/} is a page, {@code /assets/<hashed name>} a file kept for a
 * year, and the session forms ({@link SessionForms}) are posted to {@code /account/*}. A browser without a
 * (well-formed) {@code pm_vid} cookie is given one, so that its views count as one visitor's. Every page gets a fresh
 * CSRF token for its forms; a form without a valid one is shown again, empty.
 */
final class StorefrontRoutes {
  static final String ASSETS = "/assets/";
  /** Every path the API, live updates and media do not own. */
  private static final String PAGES = "^/(?!api/|ws$|media/|assets/).*";
  private static final long VISITOR_COOKIE_SECONDS = 365L * 24 * 3600;
  private static final long MAX_FORM_BYTES = 16 * 1024;
  private static final String UNAVAILABLE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<title>Polymart</title></head><body><h1>Back in a moment</h1>"
      + "<p>The shop cannot show this page right now. Please try again in a few seconds.</p></body></html>";
  private final SecureRandom random = new SecureRandom();
  private final StorefrontClient storefront;
  private final BrowserCookies cookies;
  private final CSRFHandler csrf;
  private final PageViewers viewers;
  private final SessionForms forms;

  StorefrontRoutes(StorefrontClient storefront, BrowserCookies cookies, CSRFHandler csrf, PageViewers viewers,
      SessionForms forms) {
    this.storefront = storefront;
    this.cookies = cookies;
    this.csrf = csrf;
    this.viewers = viewers;
    this.forms = forms;
  }

  /** Adds the routes after the API's, so that no operation is shadowed. */
  void install(Router router) {
    router.get(ASSETS + ":name").handler(this::asset);
    BodyHandler formBodies = BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES);
    form(router, SessionForms.SIGN_IN, formBodies, forms::signIn);
    form(router, SessionForms.REGISTER, formBodies, forms::register);
    form(router, SessionForms.SIGN_OUT, formBodies, forms::signOut);
    router.getWithRegex(PAGES).setName("pages").handler(csrf).handler(this::page);
  }

  private void form(Router router, String path, BodyHandler bodies, Function<RoutingContext, Future<String>> action) {
    router.post(path).handler(bodies).handler(csrf)
        .handler(ctx -> action.apply(ctx).onComplete(done -> submitted(ctx, done)))
        .failureHandler(ctx -> {
          if (ctx.statusCode() == 403) {
            // the CSRF check failed (no token, another browser's, or too old): the form again, with a fresh token
            ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, path + "?expired=1").end();
          } else {
            ctx.next();
          }
        });
  }

  private void submitted(RoutingContext ctx, AsyncResult<String> done) {
    if (done.succeeded()) {
      ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, done.result()).end();
    } else {
      showForm(ctx, ServiceException.fromFailure(done.cause()));
    }
  }

  /** The form's page again, as a guest's, with the error and the values sent (never the password). */
  private void showForm(RoutingContext ctx, ServiceException error) {
    JsonObject values = new JsonObject();
    ctx.request().formAttributes().names().stream()
        .filter(name -> !name.equals("password") && !name.equals(BrowserCookies.CSRF_HEADER))
        .forEach(name -> values.put(name, ctx.request().getFormAttribute(name)));
    StringBuilder message = new StringBuilder(error.getMessage());
    if (error.details() != null) {
      error.details().stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
          .forEach(detail -> message.append(' ').append(detail.getString("field")).append(": ")
              .append(detail.getString("message")).append('.'));
    }
    // the CSRF check that let the form in has put a fresh token for the form shown again
    render(ctx, ctx.normalizedPath(), new JsonObject(), null,
        new FormError(error.status(), message.toString(), values));
  }

  private void page(RoutingContext ctx) {
    JsonObject query = new JsonObject();
    ctx.queryParams().names().forEach(name -> query.put(name, ctx.queryParams().get(name)));
    viewers.identify(ctx).onComplete(identity -> render(ctx, ctx.normalizedPath(), query, identity.result(), null));
  }

  private void render(RoutingContext ctx, String path, JsonObject query, Identity user, FormError error) {
    Viewer viewer = new Viewer(visitorId(ctx), user == null ? null : user.userId(),
        user == null ? List.of() : user.roles(), BrowserCookies.value(ctx.request(), BrowserCookies.CART),
        ctx.get(BrowserCookies.CSRF_HEADER));
    storefront.page(path, query, viewer, error, RequestContext.requestId(ctx)).onComplete(reply -> {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      if (reply.failed()) {
        // no storefront deployed, or no answer in time
        ctx.response().setStatusCode(503).putHeader(HttpHeaders.RETRY_AFTER,
            Integer.toString(ServiceException.RETRY_AFTER_OUTAGE_SECONDS)).end(UNAVAILABLE);
        return;
      }
      RenderedPage page = reply.result();
      if (page.location() != null) {
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, page.location()).end();
      } else {
        ctx.response().setStatusCode(page.status()).end(page.html());
      }
    });
  }

  /** The browser's visitor id; a browser without a well-formed one is given one. */
  private String visitorId(RoutingContext ctx) {
    String visitorId = BrowserCookies.value(ctx.request(), VisitorIds.COOKIE);
    if (visitorId == null || !VisitorIdFormat.wellFormed(visitorId)) {
      visitorId = newVisitorId();
      cookies.set(ctx, VisitorIds.COOKIE, visitorId, VISITOR_COOKIE_SECONDS);
    }
    return visitorId;
  }

  private void asset(RoutingContext ctx) {
    storefront.asset(ctx.pathParam("name")).onComplete(reply -> {
      if (reply.failed()) {
        ErrorResponses.send(ctx, ServiceException.fromFailure(reply.cause()));
        return;
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, reply.result().contentType())
          .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
          .end(reply.result().content());
    });
  }

  /** 128 random bits, as 22 URL-safe characters: a well-formed visitor id no one can guess. */
  private String newVisitorId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
