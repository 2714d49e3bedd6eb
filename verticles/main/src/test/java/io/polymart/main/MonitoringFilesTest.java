package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Issue 15: the alert rules ({@code docker/prometheus/alerts.yml}) and the Grafana dashboard
 * ({@code docker/grafana/dashboards/polymart.json}) read only metrics the platform exports, and Prometheus' own
 * {@code promtool} (Debian's {@code prometheus} package, which {@code .ci/run} installs) accepts the rules and the
 * scrape configuration.
 */
class MonitoringFilesTest {
  private static final Path DOCKER = Path.of("../../docker");
  /** Written by Prometheus itself for every target, not by the platform. */
  private static final Set<String> FROM_PROMETHEUS = Set.of("up");

  @Test
  void promtoolAcceptsTheRulesAndTheScrapeConfiguration() throws Exception {
    assertThat(promtool("check", "rules", DOCKER.resolve("prometheus/alerts.yml"))).contains("SUCCESS: 14 rules found");
    assertThat(promtool("check", "config", DOCKER.resolve("prometheus/prometheus.yml"))).contains("SUCCESS");
  }

  @Test
  void everyMetricTheAlertsAndTheDashboardReadIsExported() throws IOException {
    // a paid order and a refused login, so that the counters created on first use exist too
    Shop shop = new Shop();
    Shop.Buyer buyer = shop.buyer();
    shop.paidOrder(buyer, shop.stockedSku("12.00", 3), 1);
    Set<String> exported = MetricsScrape.now().names();

    Map<String, Set<String>> read = new LinkedHashMap<>();
    alertExpressions().forEach((alert, expr) -> read.put("alert " + alert, PromQl.metricNames(expr)));
    dashboardQueries(dashboard().getJsonArray("panels"))
        .forEach(query -> read.computeIfAbsent("panel " + query.getKey(), any -> new TreeSet<>())
            .addAll(PromQl.metricNames(query.getValue())));

    assertThat(read).hasSizeGreaterThan(25);
    List<String> missing = new ArrayList<>();
    read.forEach((where, names) -> names.stream()
        .filter(name -> !exported.contains(name) && !FROM_PROMETHEUS.contains(name))
        .forEach(name -> missing.add(where + " reads " + name)));
    assertThat(missing).as("metrics the alerts or the dashboard read that the platform does not export").isEmpty();
    assertThat(read.values().stream().mapToInt(Set::size).sum()).isGreaterThan(30);
  }

  @Test
  void promQlNamesAreFoundAndLabelsFunctionsAndRangesAreNot() {
    assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (route, le) (rate(a_bucket{route=~\"x|y\","
        + " le=\"0.5\"}[$__rate_interval])))  > 0.05 and on (instance) b_total offset 5m unless c > 1.5e9"))
        .containsExactly("a_bucket", "b_total", "c");
    assertThat(PromQl.metricNames("up{job=\"polymart\"} == 0")).containsExactly("up");
    assertThat(PromQl.metricNames("topk(10, sum without (pod) (rate(x[5m])))")).containsExactly("x");
  }

  private static Map<String, String> alertExpressions() throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Map<String, Object> rules = new Yaml(new SafeConstructor(options))
        .load(Files.readString(DOCKER.resolve("prometheus/alerts.yml")));
    JsonObject document = new JsonObject(rules);
    Map<String, String> expressions = new LinkedHashMap<>();
    for (Object group : document.getJsonArray("groups")) {
      for (Object rule : ((JsonObject) group).getJsonArray("rules")) {
        JsonObject r = (JsonObject) rule;
        expressions.put(r.getString("alert"), r.getString("expr"));
      }
    }
    return expressions;
  }

  private static JsonObject dashboard() throws IOException {
    return new JsonObject(Files.readString(DOCKER.resolve("grafana/dashboards/polymart.json")));
  }

  /** Each panel's queries, with its title (rows included: a collapsed row holds its panels). */
  private static List<Map.Entry<String, String>> dashboardQueries(JsonArray panels) {
    List<Map.Entry<String, String>> queries = new ArrayList<>();
    for (Object item : panels) {
      JsonObject panel = (JsonObject) item;
      for (Object target : panel.getJsonArray("targets", new JsonArray())) {
        queries.add(Map.entry(panel.getString("title"), ((JsonObject) target).getString("expr")));
      }
      queries.addAll(dashboardQueries(panel.getJsonArray("panels", new JsonArray())));
    }
    return queries;
  }

  private static String promtool(String command, String what, Path file) throws Exception {
    Process process = new ProcessBuilder("promtool", command, what, file.toString()).redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
