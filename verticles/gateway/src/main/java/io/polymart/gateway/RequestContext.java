package io.polymart.gateway;

import io.polymart.core.logging.RequestScope;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Request id (echoed or made), client address, and per request one access-log line and its metrics. */
final class RequestContext {
  static final String REQUEST_ID_HEADER = "X-Request-Id";
  static final String REQUEST_ID_KEY = "polymart.requestId";
  private static final Logger ACCESS = LoggerFactory.getLogger("io.polymart.access");
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
  private final boolean trustForwardedFor;
  private final HttpMetrics metrics;

  RequestContext(boolean trustForwardedFor, HttpMetrics metrics) {
    this.trustForwardedFor = trustForwardedFor;
    this.metrics = metrics;
  }

  void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    String given = ctx.request().getHeader(REQUEST_ID_HEADER);
    String requestId = given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : newRequestId();
    ctx.put(REQUEST_ID_KEY, requestId);
    ctx.response().putHeader(REQUEST_ID_HEADER, requestId);
    RequestScope.enter(requestId, null);
    ctx.addEndHandler(done -> {
      long nanos = System.nanoTime() - started;
      metrics.record(ctx, nanos);
      // the log layout adds the request id (and the user's, where known) from the request's scope
      ACCESS.info("{} {} {} {}ms", ctx.request().method(), ctx.request().path(),
          ctx.response().getStatusCode(), nanos / 1_000_000);
    });
    ctx.next();
  }

  /** The client's address: the first X-Forwarded-For hop only when conf says a trusted proxy sets it. */
  String clientIp(RoutingContext ctx) {
    if (trustForwardedFor) {
      String forwarded = ctx.request().getHeader("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        return forwarded.split(",")[0].trim();
      }
    }
    SocketAddress remote = ctx.request().remoteAddress();
    return remote == null ? "unknown" : remote.hostAddress();
  }

  static String requestId(RoutingContext ctx) {
    return ctx.get(REQUEST_ID_KEY);
  }

  /**
   * A random (version 4) UUID from the thread's generator: a request id correlates log lines and guards nothing, and
   * {@code UUID.randomUUID()}'s secure generator took 1.1 % of the platform's CPU serving product pages.
   */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L;
    long low = random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
