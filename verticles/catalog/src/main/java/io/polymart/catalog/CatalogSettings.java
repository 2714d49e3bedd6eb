package io.polymart.catalog;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigRules;
import io.vertx.core.json.JsonObject;

/**
 * The catalog's conf section ({@code catalog.*}), checked: {@link #from} throws a {@link ConfigException} naming
 * the first bad key, so a bad conf stops the platform before anything starts.
 */
public record CatalogSettings(String mediaBaseUrl, Images images, int cacheTtlSeconds, int cacheRecentPages,
    int cacheRecentSkus, int searchCachedResults, Reservations reservations,
    long outboxPollMillis, Demo demo) {
  /** Where image URLs point on this server; {@code catalog.mediaBaseUrl} (a CDN) may come before it. */
  public static final String MEDIA_PATH = "/media/";
  private static final String MEDIA_BASE_URL = "https?://[^\\s/?#]+(/[^\\s?#]*[^\\s?#/])?";

  /** Uploads: the largest file, the most pixels, the most images per product. */
  public record Images(long maxBytes, int maxPixels, int maxPerProduct) {
  }

  /** How long a reservation holds stock unless the caller says, and how often expired ones are released. */
  public record Reservations(int defaultTtlSeconds, int sweepIntervalSeconds) {
  }

  /** Whether to load the generated demo catalog at start, and how many products it has. */
  public record Demo(boolean enabled, int products) {
  }

  public static CatalogSettings from(JsonObject conf) {
    JsonObject catalog = conf.getJsonObject("catalog");
    String mediaBaseUrl = catalog.getString("mediaBaseUrl");
    if (!mediaBaseUrl.isEmpty() && !mediaBaseUrl.matches(MEDIA_BASE_URL)) {
      throw new ConfigException("Configuration key 'catalog.mediaBaseUrl' must be empty or an http(s) URL without a "
          + "trailing slash, got '" + mediaBaseUrl + "'");
    }
    Images images = new Images(range(catalog, "images", "maxBytes", 1024, 100L * 1024 * 1024),
        (int) range(catalog, "images", "maxPixels", 10_000, 200_000_000),
        (int) range(catalog, "images", "maxPerProduct", 1, 100));
    int cacheTtlSeconds = (int) range(catalog, "cache", "ttlSeconds", 1, 7 * 24 * 3600);
    int cacheRecentPages = (int) range(catalog, "cache", "recentPages", 0, 1_000_000);
    int cacheRecentSkus = (int) range(catalog, "cache", "recentSkus", 0, 1_000_000);
    int searchCachedResults = (int) range(catalog, "search", "cachedResults", 0, 1_000_000);
    Reservations reservations = new Reservations((int) range(catalog, "reservations", "defaultTtlSeconds", 1, 86_400),
        (int) range(catalog, "reservations", "sweepIntervalSeconds", 1, 3600));
    long outboxPollMillis = range(catalog, "outbox", "pollMillis", 10, 60_000);
    Demo demo = new Demo(catalog.getJsonObject("demo").getBoolean("enabled"),
        (int) range(catalog, "demo", "products", 1, 100_000));
    if (demo.enabled() && ConfigRules.MODE_PRODUCTION.equals(conf.getString("mode"))) {
      throw new ConfigException("Configuration key 'catalog.demo.enabled' must be false in production mode");
    }
    return new CatalogSettings(mediaBaseUrl, images, cacheTtlSeconds, cacheRecentPages, cacheRecentSkus,
        searchCachedResults, reservations, outboxPollMillis, demo);
  }

  /** Image URLs start with this: {@code /media/} on this server, or under {@code catalog.mediaBaseUrl} (a CDN). */
  public String mediaPrefix() {
    return mediaPrefix(mediaBaseUrl);
  }

  static String mediaPrefix(String mediaBaseUrl) {
    return mediaBaseUrl.isEmpty() ? MEDIA_PATH : mediaBaseUrl + MEDIA_PATH;
  }

  private static long range(JsonObject catalog, String section, String key, long min, long max) {
    long value = catalog.getJsonObject(section).getLong(key);
    if (value < min || value > max) {
      throw new ConfigException("Configuration key 'catalog." + section + "." + key + "' must be between "
          + min + " and " + max + ", got " + value);
    }
    return value;
  }
}
