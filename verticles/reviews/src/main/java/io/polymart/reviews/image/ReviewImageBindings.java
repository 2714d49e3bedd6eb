package io.polymart.reviews.image;

import io.polymart.core.bus.BusServer;

import static io.polymart.core.bus.Addresses.REVIEWS_IMAGE_UPLOAD;
import static io.polymart.core.bus.Addresses.REVIEWS_MEDIA_GET;

/** The review-image addresses: the upload the gateway's multipart route forwards, and its media route's reads. */
public final class ReviewImageBindings {
  private final ReviewImageService images;

  public ReviewImageBindings(ReviewImageService images) {
    this.images = images;
  }

  public BusServer bind(BusServer server) {
    return server.handle(REVIEWS_IMAGE_UPLOAD, request -> images.upload(request.userUuid(),
            request.body().getBinary("file")))
        .handle(REVIEWS_MEDIA_GET, request -> images.media(request.body().getString("key", "")));
  }
}
