package io.polymart.gateway;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The storefront's session forms: sign in, register, sign out. They call the same operations as the API's
 * {@code /auth/*} (validated by the same schemas), but keep the tokens in the browser's HttpOnly cookies instead of
 * answering them. Signing in or registering moves the guest's cart into the user's. Each answers where the browser
 * goes next: the form's {@code next} when it is a path of this site, else the home page.
 */
final class SessionForms {
  static final String SIGN_IN = "/account/sign-in";
  static final String REGISTER = "/account/register";
  static final String SIGN_OUT = "/account/sign-out";
  private final BusForwarder forwarder;
  private final BrowserCookies cookies;
  private final GuestCartMerge cartMerge;
  private final ApiOperation login;
  private final ApiOperation register;
  private final ApiOperation logout;

  SessionForms(BusForwarder forwarder, BrowserCookies cookies, GuestCartMerge cartMerge, ApiOperation login,
      ApiOperation register, ApiOperation logout) {
    this.forwarder = forwarder;
    this.cookies = cookies;
    this.cartMerge = cartMerge;
    this.login = login;
    this.register = register;
    this.logout = logout;
  }

  Future<String> signIn(RoutingContext ctx) {
    return forwarder.call(ctx, login, fields(ctx, "email", "password")).compose(issued -> started(ctx, issued));
  }

  Future<String> register(RoutingContext ctx) {
    return forwarder.call(ctx, register, fields(ctx, "email", "password", "username", "phone"))
        .compose(issued -> started(ctx, issued));
  }

  /** Ends the session on the server too; the cookies go even when that fails (it then ends when it expires). */
  Future<String> signOut(RoutingContext ctx) {
    String refreshToken = BrowserCookies.value(ctx.request(), BrowserCookies.REFRESH);
    Future<JsonObject> ended = refreshToken == null ? Future.succeededFuture()
        : forwarder.call(ctx, logout, new JsonObject().put("refreshToken", refreshToken));
    return ended.otherwiseEmpty().map(v -> {
      cookies.endSession(ctx);
      return "/";
    });
  }

  private Future<String> started(RoutingContext ctx, JsonObject issued) {
    String guestCart = BrowserCookies.value(ctx.request(), BrowserCookies.CART);
    return cartMerge.merge(ctx, issued.getJsonObject("user").getString("id"), guestCart).map(v -> {
      if (guestCart != null) {
        cookies.dropCart(ctx);
      }
      cookies.startSession(ctx, issued);
      return next(ctx);
    });
  }

  /** A path of this site to go to, never another site's address ({@code //host}, {@code /\host}). */
  static String next(RoutingContext ctx) {
    String next = ctx.request().getFormAttribute("next");
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
        || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return "/";
    }
    return next;
  }

  /** The form's non-empty fields of those names, as the operation's JSON body. */
  private static JsonObject fields(RoutingContext ctx, String... names) {
    JsonObject body = new JsonObject();
    for (String name : names) {
      String value = ctx.request().getFormAttribute(name);
      if (value != null && !value.isEmpty()) {
        body.put(name, value);
      }
    }
    return body;
  }
}
