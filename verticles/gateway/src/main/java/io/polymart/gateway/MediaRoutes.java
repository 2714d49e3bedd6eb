package io.polymart.gateway;

import io.polymart.core.client.MediaClient;
import io.polymart.core.error.ServiceException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /media/<key>}: product images from the catalog's bucket. Keys are unique per upload and never
 * rewritten, so browsers and CDNs may keep them for a year.
 */
final class MediaRoutes {
  static final String PREFIX = "/media/";
  private final MediaClient media;

  MediaRoutes(MediaClient media) {
    this.media = media;
  }

  void get(RoutingContext ctx) {
    String key = ctx.normalizedPath().substring(PREFIX.length());
    media.get(key).onComplete(reply -> {
      if (reply.failed()) {
        ErrorResponses.send(ctx, ServiceException.fromFailure(reply.cause()));
        return;
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, reply.result().contentType())
          .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
          .end(reply.result().bytes());
    });
  }
}
