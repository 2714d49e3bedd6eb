package io.polymart.storefront;

import io.vertx.core.Future;

import java.util.HashMap;
import java.util.Map;

/**
 * The session forms' pages: sign in, register, sign out. The gateway carries the forms out (it keeps the tokens in
 * HttpOnly cookies) and shows a form that failed here again, with its error and values.
 */
final class AccountPages {
  static final String SIGN_IN = "/account/sign-in";
  static final String REGISTER = "/account/register";
  static final String SIGN_OUT = "/account/sign-out";

  Future<Page> render(PageRequest request) {
    Map<String, Object> model = new HashMap<>();
    String path = request.path();
    model.put("mode", path.substring(path.lastIndexOf('/') + 1));
    model.put("title", switch (path) {
      case SIGN_IN -> "Sign in";
      case REGISTER -> "Create your account";
      default -> "Sign out";
    });
    String next = request.param("next") != null ? request.param("next") : request.formValues().getString("next");
    model.put("next", next == null || !next.startsWith("/") || next.startsWith("//") ? "/" : next);
    model.put("expired", request.param("expired") != null);
    int status = request.formError() == null ? 200 : request.formError().getInteger("status", 400);
    return Future.succeededFuture(new Page(status, "account", model));
  }
}
