package io.polymart.main;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.micrometer.backends.BackendRegistries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's management listener on {@code management.host}:{@code management.port}, apart from the public port:
 * {@code GET /metrics} answers this node's metrics in Prometheus' text format. One per node.
 */
final class ManagementVerticle extends VerticleBase {
  static final String METRICS = "/metrics";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger LOG = LoggerFactory.getLogger(ManagementVerticle.class);
  private final ManagementSettings settings;
  private final String registryName;
  private HttpServer server;

  /** @param registryName the Micrometer registry this node's Vert.x reports to ({@link NodeMetrics}) */
  ManagementVerticle(ManagementSettings settings, String registryName) {
    this.settings = settings;
    this.registryName = registryName;
  }

  @Override
  public Future<?> start() {
    PrometheusMeterRegistry registry = (PrometheusMeterRegistry) BackendRegistries.getNow(registryName);
    return vertx.createHttpServer().requestHandler(request -> answer(request, registry))
        .listen(settings.port(), settings.host())
        .onSuccess(started -> {
          server = started;
          LOG.info("Metrics at http://{}:{}{}", settings.host(), started.actualPort(), METRICS);
        });
  }

  /** The port it listens on (conf may ask for any free one). */
  int port() {
    return server.actualPort();
  }

  private static void answer(HttpServerRequest request, PrometheusMeterRegistry registry) {
    if (!METRICS.equals(request.path())) {
      request.response().setStatusCode(404).end();
    } else if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      request.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "GET, HEAD").end();
    } else {
      request.response().putHeader(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT).end(registry.scrape());
    }
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
