package io.polymart.reviews.image;

import io.polymart.core.config.ConfigException;
import io.vertx.core.json.JsonObject;

/**
 * The conf of review images, checked on reading: {@code reviews.maxImages} and {@code reviews.images.*}.
 *
 * @param maxPerReview how many images one review may show
 * @param maxBytes the largest upload
 * @param maxPixels the largest image by width × height, checked before decoding
 * @param unattachedTtlSeconds how long an upload waits to be attached to a review before the sweep removes it
 * @param sweepIntervalSeconds how often each instance looks for such uploads
 * @param mediaPrefix what image URLs start with: {@code /media/} under {@code catalog.mediaBaseUrl}, which the
 *     platform's media route serves for both catalog and reviews
 */
public record ReviewImageSettings(int maxPerReview, long maxBytes, int maxPixels, long unattachedTtlSeconds,
    long sweepIntervalSeconds, String mediaPrefix) {
  static final String MEDIA_PATH = "/media/";

  public static ReviewImageSettings from(JsonObject conf) {
    JsonObject reviews = conf.getJsonObject("reviews");
    if (reviews == null || !(reviews.getValue("images") instanceof JsonObject images)) {
      throw new ConfigException("Configuration section 'reviews.images' is missing");
    }
    String mediaBaseUrl = conf.getJsonObject("catalog").getString("mediaBaseUrl", "");
    return new ReviewImageSettings((int) range(reviews, "reviews.", "maxImages", 1, 50),
        range(images, "reviews.images.", "maxBytes", 1, 100L << 20),
        (int) range(images, "reviews.images.", "maxPixels", 1, 200_000_000),
        range(images, "reviews.images.", "unattachedTtlSeconds", 1, 30L * 24 * 3600),
        range(images, "reviews.images.", "sweepIntervalSeconds", 1, 24 * 3600),
        mediaBaseUrl.isEmpty() ? MEDIA_PATH : mediaBaseUrl + MEDIA_PATH);
  }

  private static long range(JsonObject section, String prefix, String key, long min, long max) {
    Object value = section.getValue(key);
    if (!(value instanceof Number number) || number.longValue() < min || number.longValue() > max
        || number.doubleValue() != number.longValue()) {
      throw new ConfigException("Configuration key '" + prefix + key + "' must be a whole number between " + min
          + " and " + max + ", got " + value);
    }
    return number.longValue();
  }
}
