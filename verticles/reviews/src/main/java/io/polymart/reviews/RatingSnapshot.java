package io.polymart.reviews;

import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The ProductRatingChanged event of one version of a product's {@code review_stats} document. */
final class RatingSnapshot {
  static final String TYPE = "ProductRatingChanged";

  private RatingSnapshot() {
  }

  /** Mean of the published ratings, 2 decimals (half up); 0 when there are none. */
  static BigDecimal average(long count, long sum) {
    return count == 0 ? BigDecimal.ZERO.setScale(2)
        : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
  }

  static JsonObject histogram(Document stat) {
    Document histogram = stat.get("histogram", Document.class);
    JsonObject stars = new JsonObject();
    for (int rating = 1; rating <= 5; rating++) {
      stars.put(String.valueOf(rating), histogram == null ? 0L : number(histogram.get(String.valueOf(rating))));
    }
    return stars;
  }

  static long version(Document stat) {
    return number(stat.get("version"));
  }

  /**
   * The event for the document as read. Its id depends only on product and version, so a version sent twice (a relay
   * that failed after the broker's ack, or two instances) is a duplicate consumers skip.
   */
  static JsonObject event(Document stat) {
    String productId = stat.getString("_id");
    long count = number(stat.get("count"));
    long version = version(stat);
    Instant changedAt = Instant.EPOCH.plus(number(stat.get("changedAt")), ChronoUnit.MICROS);
    return new JsonObject().put("type", TYPE).put("id", eventId(productId, version).toString())
        .put("occurredAt", changedAt.toString()).put("aggregateId", productId)
        .put("data", new JsonObject().put("productId", productId).put("count", count)
            .put("average", average(count, number(stat.get("sum")))).put("histogram", histogram(stat)));
  }

  static UUID eventId(String productId, long version) {
    return UUID.nameUUIDFromBytes((TYPE + ":" + productId + ":" + version).getBytes(StandardCharsets.UTF_8));
  }

  /** Microseconds since the epoch: the precision of the catalog's {@code rating_changed_at}. */
  static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
