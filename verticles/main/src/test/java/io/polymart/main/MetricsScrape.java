package io.polymart.main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of the test platform's {@code /metrics}, in Prometheus' text format. */
record MetricsScrape(String text) {
  private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

  static MetricsScrape now() {
    return new MetricsScrape(get("/metrics").body());
  }

  static HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + TestPlatform.managementPort() + path)).GET());
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
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

  /** The names of every sample, as Prometheus stores them ({@code x_bucket}, {@code x_count}...). */
  Set<String> names() {
    Set<String> names = new TreeSet<>();
    Matcher m = SAMPLE.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * The sum of the samples of {@code name} whose labels include each of {@code labels} ({@code outcome="failed"}),
   * or NaN when there is none.
   */
  double value(String name, String... labels) {
    double sum = Double.NaN;
    Matcher m = SAMPLE.matcher(text);
    while (m.find()) {
      if (!m.group(1).equals(name) || !hasAll(m.group(2), labels)) {
        continue;
      }
      double v = Double.parseDouble(m.group(3));
      sum = Double.isNaN(sum) ? v : sum + v;
    }
    return sum;
  }

  private static boolean hasAll(String labelSet, String... labels) {
    for (String label : labels) {
      if (labelSet == null || !labelSet.contains(label)) {
        return false;
      }
    }
    return true;
  }
}
