package io.polymart.catalog.media;

import io.polymart.catalog.image.ImageObjectRepository;
import io.polymart.catalog.image.StoredImage;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Serves image objects to the gateway's {@code /media/} route: {@code {key}} → {@code {contentType, bytes}}. */
public final class MediaService {
  private final ImageObjectRepository store;

  public MediaService(ImageObjectRepository store) {
    this.store = store;
  }

  public Future<JsonObject> get(String key) {
    if (!StoredImage.KEY.matcher(key).matches()) {
      throw ServiceException.notFound("No such image");
    }
    return store.get(key).map(bytes -> {
      if (bytes == null) {
        throw ServiceException.notFound("No such image");
      }
      return new JsonObject().put("contentType", StoredImage.contentType(key)).put("bytes", bytes);
    });
  }
}
