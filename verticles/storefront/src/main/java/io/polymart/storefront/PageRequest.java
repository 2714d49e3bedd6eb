package io.polymart.storefront;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.client.BusCaller;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A request for a page as the gateway forwards it: the path, the query parameters (first value of each), and the
 * viewer: the browser's visitor id (the gateway sets one when the browser has none), the signed-in user and their
 * roles (proven by the gateway; null and empty for a guest), a guest's cart token, and the CSRF token of the page's
 * forms. {@code formError} is a form the gateway could not carry out, shown again ({@code status, message, values}).
 */
record PageRequest(String path, JsonObject query, String visitorId, String userId, List<String> roles,
    String cartToken, String csrfToken, JsonObject formError) {

  static PageRequest from(BusRequest request) {
    JsonObject body = request.body();
    JsonObject query = body.getJsonObject("query");
    JsonObject viewer = Fields.object(body, "viewer");
    List<String> roles = Fields.array(viewer, "roles").stream().filter(String.class::isInstance)
        .map(String.class::cast).toList();
    return new PageRequest(body.getString("path", "/"), query == null ? new JsonObject() : query,
        viewer.getString("visitorId"), viewer.getString("userId"), roles, viewer.getString("cartToken"),
        viewer.getString("csrfToken"), body.getJsonObject("formError"));
  }

  /** The query parameter, trimmed; null when absent or blank. */
  String param(String name) {
    Object value = query.getValue(name);
    if (!(value instanceof String text) || text.isBlank()) {
      return null;
    }
    return text.strip();
  }

  boolean signedIn() {
    return userId != null;
  }

  boolean isAdmin() {
    return roles.contains("admin");
  }

  /** Sellers and admins: the console is theirs. */
  boolean isStaff() {
    return isAdmin() || roles.contains("seller");
  }

  /** Whom the other verticles serve: the user, or the visitor (their views and "for you" are theirs). */
  BusCaller shopper() {
    BusCaller visitor = BusCaller.visitor(visitorId);
    return userId == null ? visitor : visitor.with(BusHeaders.USER_ID, userId).withRoles(roles);
  }

  /** Whose cart the page shows: the user's, else the guest's of the cart token (null: the guest has none yet). */
  BusCaller cartOwner() {
    if (userId != null) {
      return shopper();
    }
    return cartToken == null ? null : shopper().withCartToken(cartToken);
  }

  /** What every page's layout shows of its viewer. */
  JsonObject viewerModel() {
    return new JsonObject().put("signedIn", signedIn()).put("staff", isStaff()).put("csrfToken", csrfToken)
        .put("path", path);
  }

  /** The values a form sent, to fill it in again (empty when none was sent). */
  JsonObject formValues() {
    return Fields.object(formError, "values");
  }
}
