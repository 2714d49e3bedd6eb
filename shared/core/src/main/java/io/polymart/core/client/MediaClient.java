package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** Image objects of the catalog's bucket, by key ({@link Addresses#CATALOG_MEDIA_GET}). */
public final class MediaClient {
  private final BusClient bus;

  /** An object's bytes and content type. */
  public record Media(String contentType, Buffer bytes) {
  }

  public MediaClient(BusClient bus) {
    this.bus = bus;
  }

  /** The object under {@code key}; a missing one fails as the catalog answers (404). */
  public Future<Media> get(String key) {
    return bus.request(Addresses.CATALOG_MEDIA_GET, new JsonObject().put("key", key))
        .map(media -> new Media(media.getString("contentType"), Buffer.buffer(media.getBinary("bytes"))));
  }
}
