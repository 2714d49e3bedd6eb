package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, metrics: the node's management listener answers Prometheus' text format with the HTTP server's requests
 * by route template, the event bus by address and the JVM's memory; the public port does not serve it.
 */
class MetricsTest {

  @Test
  void theManagementPortServesPrometheusMetricsAndThePublicPortDoesNot() {
    assertThat(TestPlatform.client().get("/api/v1/categories").send().status()).isEqualTo(200);
    String management = "http://127.0.0.1:" + TestPlatform.managementPort();

    HttpResponse<String> scrape = send(HttpRequest.newBuilder(URI.create(management + "/metrics")).GET());
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(scrape.body())
        .containsPattern("vertx_http_server_requests_total\\{[^}]*route=\"/api/v1/categories\"")
        .containsPattern("vertx_eventbus_processed_total\\{[^}]*address=\"catalog\\.categories\\.list\"")
        .containsPattern("vertx_http_server_response_time_seconds_bucket\\{[^}]*le=\"0\\.05\"")
        .contains("jvm_memory_used_bytes", "vertx_pool_in_use")
        .doesNotContain("vertx_http_server_response_bytes", "vertx_eventbus_bytes_read")
        .doesNotContainPattern("address=\"user\\.events\\.[0-9a-f]");

    assertThat(send(HttpRequest.newBuilder(URI.create(management + "/metrics"))
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
    assertThat(send(HttpRequest.newBuilder(URI.create(management + "/other")).GET()).statusCode()).isEqualTo(404);
    HttpResponse<String> publicPort = send(HttpRequest.newBuilder(URI.create(TestPlatform.baseUrl() + "/metrics"))
        .GET());
    assertThat(publicPort.statusCode()).isEqualTo(404);
    assertThat(publicPort.body()).doesNotContain("jvm_memory_used_bytes");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CatalogFixtures.rawClient().send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
