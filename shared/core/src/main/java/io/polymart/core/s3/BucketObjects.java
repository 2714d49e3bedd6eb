package io.polymart.core.s3;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

/** The objects of one S3 bucket. The MinIO client blocks, so every call runs on a worker. */
public final class BucketObjects {
  private static final Logger LOG = LoggerFactory.getLogger(BucketObjects.class);
  private final Vertx vertx;
  private final MinioClient client;
  private final String bucket;

  public BucketObjects(Vertx vertx, MinioClient client, String bucket) {
    this.vertx = vertx;
    this.client = client;
    this.bucket = bucket;
  }

  public Future<Void> ensureBucket() {
    return vertx.executeBlocking(() -> {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        try {
          client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        } catch (ErrorResponseException e) {
          if (!e.errorResponse().code().startsWith("BucketAlready")) {
            throw e; // another instance creating it at the same moment is fine
          }
        }
      }
      return null;
    }, false);
  }

  public Future<Void> put(String key, byte[] bytes, String contentType) {
    return vertx.executeBlocking(() -> {
      client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).contentType(contentType)
          .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
      return null;
    }, false);
  }

  /** The object's bytes, or null when there is no such object. */
  public Future<byte[]> get(String key) {
    return vertx.executeBlocking(() -> {
      try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
        return in.readAllBytes();
      } catch (ErrorResponseException e) {
        if ("NoSuchKey".equals(e.errorResponse().code())) {
          return null;
        }
        throw e;
      }
    }, false);
  }

  /** Best effort: an object left behind is only wasted space. Removing a missing object is no error in S3. */
  public Future<Void> deleteQuietly(List<String> keys) {
    return vertx.executeBlocking(() -> {
      for (String key : keys) {
        try {
          client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
          LOG.warn("Could not delete object {} of bucket {}: {}", key, bucket, e.toString());
        }
      }
      return null;
    }, false);
  }
}
