package io.polymart.gateway;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import static io.polymart.core.bus.Addresses.CATALOG_MEDIA_GET;

/**
 * {@code GET /media/<key>}: product images from the catalog's bucket. Keys are unique per upload and never
 * rewritten, so browsers and CDNs may keep them for a year.
 */
final class MediaRoutes {
  static final String PREFIX = "/media/";
  private final EventBus eventBus;

  MediaRoutes(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  void get(RoutingContext ctx) {
    String key = ctx.normalizedPath().substring(PREFIX.length());
    JsonObject body = new JsonObject().put("key", key);
    eventBus.<JsonObject>request(CATALOG_MEDIA_GET, BusRequest.envelope(body),
            new DeliveryOptions().setSendTimeout(BusForwarder.TIMEOUT_MS))
        .onComplete(reply -> {
          if (reply.failed()) {
            ErrorResponses.send(ctx, ServiceException.fromFailure(reply.cause()));
            return;
          }
          JsonObject media = reply.result().body();
          ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, media.getString("contentType"))
              .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
              .end(Buffer.buffer(media.getBinary("bytes")));
        });
  }
}
