package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.polymart.testing.HttpTestClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, metrics: the node's management listener answers Prometheus' text format with the gateway's requests by
 * route template, method and status class (with a histogram), the event bus by address and the JVM's memory; the
 * public port does not serve it. Business counters, cache reads, consumers, outboxes and pools move as the shop is
 * used.
 */
class MetricsTest {

  @Test
  void theManagementPortServesPrometheusMetricsAndThePublicPortDoesNot() {
    assertThat(TestPlatform.client().get("/api/v1/categories").send().status()).isEqualTo(200);
    HttpResponse<String> scrape = MetricsScrape.get("/metrics");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(scrape.body())
        .containsPattern("polymart_http_server_requests_seconds_count"
            + "\\{method=\"GET\",route=\"/api/v1/categories\",status=\"2xx\"}")
        .containsPattern("polymart_http_server_requests_seconds_bucket"
            + "\\{method=\"GET\",route=\"/api/v1/categories\",status=\"2xx\",le=\"0\\.05\"}")
        .containsPattern("vertx_eventbus_processed_total\\{[^}]*address=\"catalog\\.categories\\.list\"")
        .contains("jvm_memory_used_bytes", "vertx_pool_in_use")
        .doesNotContain("vertx_http_server_requests_total", "vertx_eventbus_bytes_read")
        .doesNotContainPattern("address=\"user\\.events\\.[0-9a-f]");
    // the storefront's pages are one route, whatever their path
    assertThat(TestPlatform.client().get("/no/such/page").send().status()).isEqualTo(404);
    assertThat(MetricsScrape.now().text()).containsPattern(
        "polymart_http_server_requests_seconds_count\\{method=\"GET\",route=\"pages\",status=\"4xx\"}");

    String management = "http://127.0.0.1:" + TestPlatform.managementPort();
    assertThat(MetricsScrape.send(HttpRequest.newBuilder(URI.create(management + "/metrics"))
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
    assertThat(MetricsScrape.get("/other").statusCode()).isEqualTo(404);
    HttpResponse<String> publicPort = MetricsScrape.send(HttpRequest.newBuilder(
        URI.create(TestPlatform.baseUrl() + "/metrics")).GET());
    assertThat(publicPort.statusCode()).isEqualTo(404);
    assertThat(publicPort.body()).doesNotContain("jvm_memory_used_bytes");
  }

  @Test
  void businessCountersCachesConsumersAndOutboxesAreMeasured() {
    MetricsScrape before = MetricsScrape.now();
    Shop shop = new Shop();
    Shop.Sku sku = shop.stockedSku("15.00", 5);
    Shop.Buyer buyer = shop.buyer();
    HttpTestClient http = TestPlatform.client();
    assertThat(http.post(CatalogFixtures.API + "/auth/login").json(new JsonObject()
        .put("email", buyer.session().email()).put("password", "not-the-password-1")).send().status()).isEqualTo(401);
    shop.paidOrder(buyer, sku, 1);
    JsonObject unpaid = shop.order(buyer, sku, 1);
    assertThat(shop.pay(buyer, unpaid.getString("id"), "failure", null).status()).isEqualTo(201);
    // read until the cache answers (any catalog change in between, such as the order's stock, starts it again)
    readUntilCached(http, CatalogFixtures.API + "/products/" + sku.productId());
    readUntilCached(http, CatalogFixtures.API + "/products?q=metrics" + sku.skuId().substring(0, 8));

    List<Growth> expected = List.of(
        new Growth(1, "polymart_users_registered_total"),
        new Growth(1, "polymart_users_login_failures_total", "reason=\"credentials\""),
        new Growth(2, "polymart_events_committed_total", "type=\"OrderPlaced\""),
        new Growth(1, "polymart_events_committed_total", "type=\"OrderPaid\""),
        new Growth(1, "polymart_events_committed_total", "type=\"ProductCreated\""),
        new Growth(1, "polymart_payments_total", "outcome=\"succeeded\""),
        new Growth(1, "polymart_payments_total", "outcome=\"failed\""),
        new Growth(1, "polymart_cache_requests_total", "cache=\"product_page\"", "result=\"hit\""),
        new Growth(1, "polymart_cache_requests_total", "cache=\"search\"", "result=\"hit\""),
        new Growth(3, "polymart_outbox_published_total", "table=\"orders.outbox\""),
        // the reviews' purchase projection takes the orders' events
        new Growth(3, "polymart_events_consumed_total", "group=\"polymart.reviews\"", "outcome=\"handled\""),
        new Growth(2, "polymart_bus_requests_seconds_count", "address=\"orders.place\"", "outcome=\"ok\""));
    try {
      CatalogFixtures.await("the counters to move", Duration.ofSeconds(20),
          () -> unmet(expected, before, MetricsScrape.now()).isEmpty());
    } catch (AssertionError timedOut) {
      assertThat(unmet(expected, before, MetricsScrape.now())).as("counters that did not move").isEmpty();
    }
    MetricsScrape after = MetricsScrape.now();
    assertThat(after.value("polymart_events_consumer_lag", "group=\"polymart.reviews\"", "topic=\"polymart.orders\""))
        .isGreaterThanOrEqualTo(0);
    assertThat(after.value("polymart_outbox_backlog", "table=\"catalog.outbox\"")).isGreaterThanOrEqualTo(0);
    assertThat(after.value("polymart_outbox_oldest_age_seconds", "table=\"orders.outbox\"")).isGreaterThanOrEqualTo(0);
    assertThat(after.value("process_resident_memory_bytes")).isGreaterThan(50e6);
    assertThat(after.value("vertx_pool_in_use", "pool_name=\"orders\"", "pool_type=\"sql\"")).isNotNaN();
    assertThat(after.value("vertx_pool_queue_pending", "pool_name=\"cart\"", "pool_type=\"redis\"")).isNotNaN();
    assertThat(after.value("polymart_reservations_released_total")).isNotNaN();
    assertThat(after.value("polymart_reviews_published_total")).isNotNaN();
    // the order's live updates to its buyer: one series for every user's address
    assertThat(after.text()).containsPattern("vertx_eventbus_published_total\\{[^}]*address=\"user\\.events\\.\\*\"")
        .doesNotContainPattern("address=\"user\\.events\\.[0-9a-f]");
  }

  private static void readUntilCached(HttpTestClient http, String path) {
    CatalogFixtures.await(path + " from the cache", Duration.ofSeconds(10), () -> {
      HttpTestClient.Reply reply = http.get(path).send();
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      return "HIT".equals(reply.header("X-Cache"));
    });
  }

  /** A series expected to grow by at least {@code by}; one that did not exist before counts from 0. */
  private record Growth(double by, String name, String... labels) {
    boolean between(MetricsScrape before, MetricsScrape after) {
      double was = before.value(name, labels);
      double is = after.value(name, labels);
      return !Double.isNaN(is) && is - (Double.isNaN(was) ? 0 : was) >= by;
    }

    @Override
    public String toString() {
      return name + List.of(labels) + " by " + by;
    }
  }

  private static List<Growth> unmet(List<Growth> expected, MetricsScrape before, MetricsScrape after) {
    return expected.stream().filter(growth -> !growth.between(before, after)).toList();
  }
}
