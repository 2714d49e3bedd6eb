package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The storefront's rendered pages and static files, for the gateway to serve. */
public final class StorefrontClient {
  private final BusClient bus;

  /** A rendered page: its HTTP status and its HTML, or (status 303) where the browser should go instead. */
  public record RenderedPage(int status, String html, String location) {
  }

  /**
   * Who asks for a page: the browser's visitor id; the signed-in user and their roles (null and empty for a guest),
   * proven by the gateway; a guest's cart token (or null); the CSRF token the page's forms carry.
   */
  public record Viewer(String visitorId, String userId, List<String> roles, String cartToken, String csrfToken) {
    JsonObject toJson() {
      return new JsonObject().put("visitorId", visitorId).put("userId", userId).put("roles", new JsonArray(roles))
          .put("cartToken", cartToken).put("csrfToken", csrfToken);
    }
  }

  /** A form the gateway could not carry out, shown again on its page: the status, a message for the user, the values. */
  public record FormError(int status, String message, JsonObject values) {
    JsonObject toJson() {
      return new JsonObject().put("status", status).put("message", message).put("values", values);
    }
  }

  /** A static file: its content type and content. */
  public record Asset(String contentType, String content) {
  }

  public StorefrontClient(BusClient bus) {
    this.bus = bus;
  }

  /** The page at {@code path}; {@code query} holds the first value of each query parameter. */
  public Future<RenderedPage> page(String path, JsonObject query, Viewer viewer, String requestId) {
    return page(path, query, viewer, null, requestId);
  }

  /** The page at {@code path} showing a form's error (null: none). */
  public Future<RenderedPage> page(String path, JsonObject query, Viewer viewer, FormError error, String requestId) {
    JsonObject body = new JsonObject().put("path", path).put("query", query).put("viewer", viewer.toJson());
    if (error != null) {
      body.put("formError", error.toJson());
    }
    return bus.request(Addresses.STOREFRONT_PAGE, body, BusCaller.NONE.withRequestId(requestId))
        .map(reply -> new RenderedPage(reply.getInteger("status"), reply.getString("html"),
            reply.getString("location")));
  }

  /** The static file of that content-hashed name; fails with the storefront's 404 when there is none. */
  public Future<Asset> asset(String name) {
    return bus.request(Addresses.STOREFRONT_ASSET, new JsonObject().put("name", name))
        .map(reply -> new Asset(reply.getString("contentType"), reply.getString("content")));
  }
}
