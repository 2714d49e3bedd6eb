package io.polymart.reviews.image;

import io.polymart.core.bus.BusServer;
import io.vertx.core.Future;

import java.util.UUID;
import java.util.function.Function;

import static io.polymart.core.bus.Addresses.REVIEWS_IMAGE_UPLOAD;
import static io.polymart.core.bus.Addresses.REVIEWS_MEDIA_GET;

/** The review-image addresses: the upload the gateway's multipart route forwards, and its media route's reads. */
public final class ReviewImageBindings {
  private final ReviewImageService images;
  private final Function<UUID, Future<Void>> uploadAllowed;

  /** @param uploadAllowed fails (429) when the user may not upload now */
  public ReviewImageBindings(ReviewImageService images, Function<UUID, Future<Void>> uploadAllowed) {
    this.images = images;
    this.uploadAllowed = uploadAllowed;
  }

  public BusServer bind(BusServer server) {
    return server.handle(REVIEWS_IMAGE_UPLOAD, request -> {
          byte[] file = request.body().getBinary("file");
          return uploadAllowed.apply(request.userUuid()).compose(v -> images.upload(request.userUuid(), file));
        })
        .handle(REVIEWS_MEDIA_GET, request -> images.media(request.body().getString("key", "")));
  }
}
