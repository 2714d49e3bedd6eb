package io.polymart.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.polymart.core.metrics.Meters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code polymart_http_server_requests_seconds}: every answered request's time, by route template
 * ({@code /api/v1/products/:id}, {@code pages}, {@code unmatched}), method (checkout and the order list share a
 * template) and status class ({@code 2xx}...), with a histogram of a few buckets for a p95 per route. One timer per
 * route, method and class, kept here: a request costs two map lookups and one recording, where Vert.x's own HTTP
 * server metrics built tags and looked meters up several times per request
 * (turned off, see the main module's {@code NodeMetrics}). Records nothing when the node collects no metrics.
 */
final class HttpMetrics {
  static final String NAME = "polymart.http.server.requests";
  private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500)};
  private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};
  private final MeterRegistry registry;
  private final ConcurrentMap<String, ConcurrentMap<HttpMethod, Timer[]>> timers = new ConcurrentHashMap<>();

  private HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The node's registry ({@link Meters#registry}); none, and no recording at all, when metrics are off. */
  static HttpMetrics from(JsonObject config) {
    MeterRegistry registry = Meters.registry(config);
    return new HttpMetrics(Meters.recording(registry) ? registry : null);
  }

  void record(RoutingContext ctx, long nanos) {
    if (registry == null) {
      return;
    }
    int status = ctx.response().getStatusCode();
    int statusClass = status >= 100 && status < 600 ? status / 100 - 1 : 4;
    String route = route(ctx.currentRoute());
    HttpMethod method = ctx.request().method();
    Timer[] byClass = timers.computeIfAbsent(route, any -> new ConcurrentHashMap<>())
        .computeIfAbsent(method, any -> new Timer[CLASSES.length]);
    Timer timer = byClass[statusClass];
    if (timer == null) {
      timer = Timer.builder(NAME).description("Requests answered, by route template, method and status class")
          .tag("route", route).tag("method", method.name()).tag("status", CLASSES[statusClass])
          .serviceLevelObjectives(BUCKETS).register(registry);
      byClass[statusClass] = timer;
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The template of the route that answered; named routes (the storefront's pages) by their name. */
  private static String route(Route route) {
    if (route == null) {
      return "unmatched";
    }
    if (route.getName() != null) {
      return route.getName();
    }
    return route.getPath() == null ? "unmatched" : route.getPath();
  }
}
