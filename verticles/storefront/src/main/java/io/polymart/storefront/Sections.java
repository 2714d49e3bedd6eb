package io.polymart.storefront;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A part of a page that may be left out: recommendations or reviews that cannot be had right now (their verticle
 * down, busy or not deployed) leave their section empty rather than fail the page, and one that has not answered
 * within {@value #WAIT_MILLIS} ms does not hold the page up any longer (the bus would wait for its full timeout).
 */
final class Sections {
  static final long WAIT_MILLIS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(Sections.class);

  private Sections() {
  }

  static Future<JsonArray> orEmpty(Future<JsonArray> items, String what) {
    return orElse(items, new JsonArray(), what);
  }

  static Future<JsonObject> orNull(Future<JsonObject> section, String what) {
    return orElse(section, null, what);
  }

  private static <T> Future<T> orElse(Future<T> section, T without, String what) {
    return section.timeout(WAIT_MILLIS, TimeUnit.MILLISECONDS).recover(failure -> {
      LOG.debug("A page goes without its {}: {}", what, failure.toString());
      return Future.succeededFuture(without);
    });
  }
}
