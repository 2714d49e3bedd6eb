package io.polymart.catalog.rating;

import io.polymart.core.events.DomainEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * A product's new rating, read from a {@code ProductRatingChanged} event of {@code polymart.reviews}: its published
 * reviews' count and average (2 decimals), as of {@code occurredAt}.
 */
record RatingChange(UUID productId, int count, BigDecimal average, Instant occurredAt) {
  static final String TYPE = "ProductRatingChanged";
  private static final BigDecimal MAX_AVERAGE = BigDecimal.valueOf(5);

  /** @throws IllegalArgumentException when the event does not hold a possible rating */
  static RatingChange from(DomainEvent event) {
    if (event.occurredAt() == null) {
      throw new IllegalArgumentException(TYPE + " " + event.id() + " has no occurredAt");
    }
    UUID productId;
    try {
      productId = UUID.fromString(String.valueOf(event.data().getValue("productId")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(TYPE + " " + event.id() + ": productId is not a UUID");
    }
    if (!(event.data().getValue("count") instanceof Number count) || count.doubleValue() != count.longValue()
        || count.longValue() < 0 || count.longValue() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(TYPE + " " + event.id() + ": count must be a whole number >= 0");
    }
    if (!(event.data().getValue("average") instanceof Number number)) {
      throw new IllegalArgumentException(TYPE + " " + event.id() + ": average must be a number");
    }
    BigDecimal average = new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP);
    if (average.signum() < 0 || average.compareTo(MAX_AVERAGE) > 0
        || (count.intValue() == 0) != (average.signum() == 0)) {
      throw new IllegalArgumentException(TYPE + " " + event.id() + ": average " + average
          + " is impossible for " + count + " reviews");
    }
    return new RatingChange(productId, count.intValue(), average, event.occurredAt());
  }
}
