package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Image objects by key: those under {@code reviews/} from the reviews verticle's bucket
 * ({@link Addresses#REVIEWS_MEDIA_GET}), any other from the catalog's ({@link Addresses#CATALOG_MEDIA_GET}).
 */
public final class MediaClient {
  /** The prefix of the keys of review images. */
  public static final String REVIEWS_PREFIX = "reviews/";
  private final BusClient bus;

  /** An object's bytes and content type. */
  public record Media(String contentType, Buffer bytes) {
  }

  public MediaClient(BusClient bus) {
    this.bus = bus;
  }

  /** The object under {@code key}; a missing one fails as its owner answers (404). */
  public Future<Media> get(String key) {
    String address = key.startsWith(REVIEWS_PREFIX) ? Addresses.REVIEWS_MEDIA_GET : Addresses.CATALOG_MEDIA_GET;
    return bus.request(address, new JsonObject().put("key", key))
        .map(media -> new Media(media.getString("contentType"), Buffer.buffer(media.getBinary("bytes"))));
  }
}
