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
 * Issue 15, metrics: the node's management listener answers Prometheus' text format with the gateway's requests by
 * route template and status class (with a histogram), the event bus by address and the JVM's memory; the public port
 * does not serve it.
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
        .containsPattern("polymart_http_server_requests_seconds_count\\{route=\"/api/v1/categories\",status=\"2xx\"}")
        .containsPattern("polymart_http_server_requests_seconds_bucket"
            + "\\{route=\"/api/v1/categories\",status=\"2xx\",le=\"0\\.05\"}")
        .containsPattern("vertx_eventbus_processed_total\\{[^}]*address=\"catalog\\.categories\\.list\"")
        .contains("jvm_memory_used_bytes", "vertx_pool_in_use")
        .doesNotContain("vertx_http_server_requests_total", "vertx_eventbus_bytes_read")
        .doesNotContainPattern("address=\"user\\.events\\.[0-9a-f]");
    // the storefront's pages are one route, whatever their path
    assertThat(TestPlatform.client().get("/no/such/page").send().status()).isEqualTo(404);
    assertThat(scrapeBody(management)).containsPattern(
        "polymart_http_server_requests_seconds_count\\{route=\"pages\",status=\"4xx\"}");

    assertThat(send(HttpRequest.newBuilder(URI.create(management + "/metrics"))
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
    assertThat(send(HttpRequest.newBuilder(URI.create(management + "/other")).GET()).statusCode()).isEqualTo(404);
    HttpResponse<String> publicPort = send(HttpRequest.newBuilder(URI.create(TestPlatform.baseUrl() + "/metrics"))
        .GET());
    assertThat(publicPort.statusCode()).isEqualTo(404);
    assertThat(publicPort.body()).doesNotContain("jvm_memory_used_bytes");
  }

  private static String scrapeBody(String management) {
    return send(HttpRequest.newBuilder(URI.create(management + "/metrics")).GET()).body();
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
