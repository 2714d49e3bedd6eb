package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.polymart.testing.TestBackends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.json.JsonObject;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real fat jar as its own process on a temporary data directory: starts, serves, stops cleanly on
 * SIGTERM, keeps its data across a restart, loads and serves the demo catalog, and refuses a second instance on
 * the same directory.
 */
class PolymartJarIT {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final int DEMO_PRODUCTS = 12;

  @TempDir
  Path dataDir;

  /** Every platform this test started: one a failed assertion left running is killed, with its backends. */
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killWhatIsLeft() {
    for (Process process : started) {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }

  @Test
  void startsServesStopsOnSigtermAndKeepsItsDataAcrossRestarts() throws Exception {
    int port = TestBackends.freePort();
    HttpTestClient http = new HttpTestClient("http://127.0.0.1:" + port);
    String email = TestPlatform.uniqueEmail("jar");

    Process first = start(port, "first");
    long coldMs = awaitReady(first, http);
    Users.register(http, email);
    Users.login(http, email, Users.PASSWORD);
    stop(first);

    Process second = start(port, "second", "--demo");
    long warmMs = awaitReady(second, http);
    Users.Session session = Users.login(http, email, Users.PASSWORD);
    assertThat(http.get("/api/v1/me").bearer(session.accessToken()).send().json().getString("email")).isEqualTo(email);
    browseTheDemoShop(http);

    Process intruder = start(TestBackends.freePort(), "intruder");
    assertThat(intruder.waitFor(60, TimeUnit.SECONDS)).as("second instance fails fast").isTrue();
    assertThat(intruder.exitValue()).isNotZero();
    assertThat(Files.readString(logFile("intruder")))
        .contains("already in use");
    assertThat(http.get("/ready").send().status()).isEqualTo(200);

    stop(second);
    System.out.printf("polymart.jar start to /ready: cold %d ms, warm %d ms%n", coldMs, warmMs);
  }

  /** How the build records the classes a start loads: the platform comes up, then stops at once, leaving nothing. */
  @Test
  void exitWhenUpStartsEverythingThenStopsCleanly() throws Exception {
    Process process = start(TestBackends.freePort(), "exit-when-up", "--exit-when-up");
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("polymart exits by itself").isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(Files.readString(logFile("exit-when-up"))).contains("Polymart is up", "Polymart stopped");
    assertNothingUsesTheDataDirectory();
  }

  /** What a newcomer does after {@code java -jar polymart.jar --demo}: search, filter, open a product, see its picture. */
  private static void browseTheDemoShop(HttpTestClient http) throws Exception {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    JsonObject page = http.get("/api/v1/products?size=50").send().json();
    while (page.getLong("total") < DEMO_PRODUCTS && Instant.now().isBefore(deadline)) {
      Thread.sleep(250); // the demo loads in the background; nothing to await but its progress
      page = http.get("/api/v1/products?size=50").send().json();
    }
    assertThat(page.getLong("total")).isEqualTo(DEMO_PRODUCTS);
    JsonObject first = page.getJsonArray("items").getJsonObject(0);
    String word = first.getString("name").split("[ ,]")[0];
    HttpTestClient.Reply search = http.get("/api/v1/products?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)
        + "&category=" + first.getJsonObject("category").getString("slug")).send();
    assertThat(search.json().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")))
        .contains(first.getString("id"));
    JsonObject product = http.get("/api/v1/products/" + first.getString("id")).send().json();
    assertThat(product.getJsonArray("skus")).isNotEmpty();
    String medium = product.getJsonArray("images").getJsonObject(0).getJsonObject("urls").getString("medium");
    HttpResponse<byte[]> image = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(http.baseUrl() + medium)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(ImageIO.read(new ByteArrayInputStream(image.body())).getWidth()).isBetween(1, 800);
    readTheDemoReviews(http, deadline);
  }

  /**
   * The demo's reviews reach the catalog's ratings: the best-rated product has reviews, listed most helpful first (by
   * the Wilson lower bound of their votes), as many as its summary counts.
   */
  private static void readTheDemoReviews(HttpTestClient http, Instant deadline) throws Exception {
    JsonObject best = http.get("/api/v1/products?sort=rating&size=1").send().json().getJsonArray("items")
        .getJsonObject(0);
    while (best.getJsonObject("rating").getLong("count") == 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(250); // the demo reviews follow the products in the background
      best = http.get("/api/v1/products?sort=rating&size=1").send().json().getJsonArray("items").getJsonObject(0);
    }
    long count = best.getJsonObject("rating").getLong("count");
    assertThat(count).as("a demo product with reviews").isPositive();
    String path = "/api/v1/products/" + best.getString("id") + "/reviews";
    JsonObject summary = http.get(path + "/summary").send().json();
    JsonObject reviews = http.get(path + "?sort=helpful&size=100").send().json();
    // the product's reviews may still be being written: wait until the list and the summary agree
    while (reviews.getLong("total") != summary.getLong("count") && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      summary = http.get(path + "/summary").send().json();
      reviews = http.get(path + "?sort=helpful&size=100").send().json();
    }
    assertThat(reviews.getLong("total")).isEqualTo(summary.getLong("count")).isGreaterThanOrEqualTo(count);
    // votes may still be arriving too: a vote moves the counts first and the stored score just after
    List<Double> scores = helpfulScores(reviews);
    while (!isDescending(scores) && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      scores = helpfulScores(http.get(path + "?sort=helpful&size=100").send().json());
    }
    assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(reviews.getJsonArray("items").getJsonObject(0).getBoolean("verified")).isTrue();
  }

  private static List<Double> helpfulScores(JsonObject reviews) {
    return reviews.getJsonArray("items").stream().map(JsonObject.class::cast)
        .map(review -> wilsonLowerBound(review.getInteger("helpfulCount"), review.getInteger("unhelpfulCount")))
        .toList();
  }

  private static boolean isDescending(List<Double> values) {
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i) > values.get(i - 1)) {
        return false;
      }
    }
    return true;
  }

  private static double wilsonLowerBound(int helpful, int unhelpful) {
    int n = helpful + unhelpful;
    if (n == 0) {
      return 0;
    }
    double z = 1.96;
    double p = (double) helpful / n;
    return (p + z * z / (2 * n) - z * Math.sqrt((p * (1 - p) + z * z / (4 * n)) / n)) / (1 + z * z / n);
  }

  private Process start(int port, String name, String... arguments) throws IOException {
    Path log = logFile(name);
    // with the memory budget of the README's start command
    String budget = "@" + Path.of("../../conf/jvm.options").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(javaBinary(), budget, "-jar", System.getProperty("polymart.jar")));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("POLYMART_CATALOG_DEMO_PRODUCTS", String.valueOf(DEMO_PRODUCTS));
    builder.environment().put("POLYMART_DATA_DIR", dataDir.toString());
    builder.environment().put("POLYMART_HTTP_PORT", String.valueOf(port));
    builder.environment().put("POLYMART_MANAGEMENT_PORT", String.valueOf(TestBackends.freePort()));
    builder.environment().put("POLYMART_HTTP_HOST", "127.0.0.1");
    Process process = builder.start();
    started.add(process);
    return process;
  }

  /** Kept under target/ so a failed run can be read afterwards. */
  private static Path logFile(String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "polymart-jar-it"));
    return dir.resolve(name + ".log");
  }

  private static long awaitReady(Process process, HttpTestClient http) throws InterruptedException {
    Instant started = Instant.now();
    Instant deadline = started.plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as("polymart exited early").isTrue();
      try {
        if (http.get("/ready").send().status() == 200) {
          return Duration.between(started, Instant.now()).toMillis();
        }
      } catch (UncheckedIOException notListeningYet) {
        // keep waiting
      }
      process.waitFor(200, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("polymart was not ready within " + READY_TIMEOUT);
  }

  private void stop(Process process) throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    assertThat(children).as("embedded postgres and redis run as child processes").isNotEmpty();
    process.destroy(); // SIGTERM
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("polymart stops on SIGTERM").isTrue();
    for (ProcessHandle child : children) {
      child.onExit().orTimeout(10, TimeUnit.SECONDS).join();
      assertThat(child.isAlive()).as("leftover " + child.info().command().orElse("?")).isFalse();
    }
    assertNothingUsesTheDataDirectory();
  }

  private void assertNothingUsesTheDataDirectory() {
    assertThat(ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString()))
        .toList()).as("processes still using the data directory").isEmpty();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

}
