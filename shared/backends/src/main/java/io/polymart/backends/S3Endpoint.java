package io.polymart.backends;

/**
 * Where the embedded S3 server listens and the credentials it accepts (AWS signature v2 and v4, region
 * {@code us-east-1}, path-style buckets).
 *
 * @param url {@code http://127.0.0.1:PORT}
 */
public record S3Endpoint(String url, String accessKey, String secretKey) {

  @Override
  public String toString() {
    return "S3Endpoint[url=" + url + ", accessKey=" + accessKey + ", secretKey=***]";
  }
}
