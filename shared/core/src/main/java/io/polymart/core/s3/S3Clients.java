package io.polymart.core.s3;

import io.minio.MinioClient;
import io.vertx.core.json.JsonObject;

/** S3 (MinIO API) clients from {@code s3.*}. The MinIO client blocks: call it off the event loop. */
public final class S3Clients {
  private S3Clients() {
  }

  public static MinioClient create(JsonObject config) {
    JsonObject s3 = config.getJsonObject("s3");
    return MinioClient.builder()
        .endpoint(s3.getString("endpoint"))
        .region(s3.getString("region"))
        .credentials(s3.getString("accessKey"), s3.getString("secretKey"))
        .build();
  }
}
