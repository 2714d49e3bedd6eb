package io.polymart.catalog.image;

import io.minio.MinioClient;
import io.polymart.core.s3.BucketObjects;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;

/** Image objects in the S3 bucket {@code product-images}. */
public final class ImageObjectRepository {
  static final String BUCKET = "product-images";
  private final BucketObjects objects;

  public ImageObjectRepository(Vertx vertx, MinioClient client) {
    this.objects = new BucketObjects(vertx, client, BUCKET);
  }

  public Future<Void> ensureBucket() {
    return objects.ensureBucket();
  }

  Future<Void> put(String key, byte[] bytes, String contentType) {
    return objects.put(key, bytes, contentType);
  }

  /** The object's bytes, or null when there is no such object. */
  public Future<byte[]> get(String key) {
    return objects.get(key);
  }

  /** Best effort: an object left behind is only wasted space, never a broken product. */
  Future<Void> deleteQuietly(List<String> keys) {
    return objects.deleteQuietly(keys);
  }
}
