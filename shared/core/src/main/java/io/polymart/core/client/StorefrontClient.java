package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** The storefront's rendered pages and static files, for the gateway to serve. */
public final class StorefrontClient {
  private final BusClient bus;

  /** A rendered page: its HTTP status and its HTML. */
  public record RenderedPage(int status, String html) {
  }

  /** A static file: its content type and content. */
  public record Asset(String contentType, String content) {
  }

  public StorefrontClient(BusClient bus) {
    this.bus = bus;
  }

  /**
   * The page at {@code path}; {@code query} holds the first value of each query parameter, {@code visitorId} the
   * browser's visitor id.
   */
  public Future<RenderedPage> page(String path, JsonObject query, String visitorId, String requestId) {
    JsonObject body = new JsonObject().put("path", path).put("query", query).put("visitorId", visitorId);
    return bus.request(Addresses.STOREFRONT_PAGE, body, BusCaller.NONE.withRequestId(requestId))
        .map(reply -> new RenderedPage(reply.getInteger("status"), reply.getString("html")));
  }

  /** The static file of that content-hashed name; fails with the storefront's 404 when there is none. */
  public Future<Asset> asset(String name) {
    return bus.request(Addresses.STOREFRONT_ASSET, new JsonObject().put("name", name))
        .map(reply -> new Asset(reply.getString("contentType"), reply.getString("content")));
  }
}
