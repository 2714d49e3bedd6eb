package io.polymart.core.s3;

import io.minio.MinioClient;
import io.minio.http.HttpUtils;
import io.vertx.core.json.JsonObject;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

import java.time.Duration;
import java.util.List;

/**
 * S3 (MinIO API) clients from {@code s3.*}. The MinIO client blocks: call it off the event loop.
 *
 * <p>Every client of the process shares one HTTP client (OkHttp's are meant to be shared, with their connection pool
 * and threads) instead of the one MinIO would make for each: that one trusts the certificates of the file
 * {@code SSL_CERT_FILE} names, when set, and MinIO reads that file for every client it builds, one byte per read call
 * (the system's bundle of 220 KB, as on the development machine: 0.8 s of CPU in every start, for the five clients of
 * a local node). An {@code http://} endpoint has no certificate to check, so its client does not read it at all.
 */
public final class S3Clients {
  /** MinIO's own default for the connect, write and read timeouts. */
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private S3Clients() {
  }

  public static MinioClient create(JsonObject config) {
    JsonObject s3 = config.getJsonObject("s3");
    String endpoint = s3.getString("endpoint");
    return MinioClient.builder()
        .endpoint(endpoint)
        .region(s3.getString("region"))
        .credentials(s3.getString("accessKey"), s3.getString("secretKey"))
        .httpClient(endpoint.startsWith("http://") ? Plain.HTTP : WithCertificates.HTTP)
        .build();
  }

  private static final class Plain {
    /** As MinIO's default, but for the certificates. */
    static final OkHttpClient HTTP = new OkHttpClient.Builder().connectTimeout(TIMEOUT).writeTimeout(TIMEOUT)
        .readTimeout(TIMEOUT).protocols(List.of(Protocol.HTTP_1_1)).build();
  }

  private static final class WithCertificates {
    static final OkHttpClient HTTP = HttpUtils.newDefaultHttpClient(TIMEOUT.toMillis(), TIMEOUT.toMillis(),
        TIMEOUT.toMillis());
  }
}
