package io.polymart.main;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.polymart.testing.HttpTestClient;
import io.polymart.testing.TestBackends;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The whole platform deployed once per test JVM on the shared embedded backends. */
final class TestPlatform {
  static final String ADMIN_EMAIL = "root-admin@polymart.test";
  static final String ADMIN_PASSWORD = "Adm1nPassw0rd";
  private static Platform platform;
  /** The platform's spans: it samples none but those of a request sent with a sampled traceparent (TracingTest). */
  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  private static JsonObject config;

  private TestPlatform() {
  }

  static synchronized JsonObject config() {
    if (platform == null) {
      config = nodeConfig();
      config.getJsonObject("verticles").getJsonObject("gateway").put("instances", 2);
      config.getJsonObject("admin").put("email", ADMIN_EMAIL).put("password", ADMIN_PASSWORD);
      config.getJsonObject("users").getJsonObject("rateLimit").put("loginPerIp", 12).put("registerPerIp", 6);
      config.getJsonObject("orders").put("sweepIntervalSeconds", 1);
      config.getJsonObject("payments").getJsonObject("sandbox").put("secret", Shop.SANDBOX_SECRET);
      config.getJsonObject("payments").getJsonObject("reconcile").put("intervalSeconds", 1);
      // Short WebSocket timings so LiveUpdatesTest sees timeouts and heartbeats within seconds.
      config.getJsonObject("http").getJsonObject("ws").put("authTimeoutSeconds", 2).put("heartbeatSeconds", 1);
      config.getJsonObject("tracing").put("samplingRatio", 0.0);
      try {
        platform = Platform.start(config, SPANS);
      } catch (Exception e) {
        throw new IllegalStateException("Platform did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "test-platform-stop"));
    }
    return config;
  }

  /** Configuration for a platform node in tests, on the shared backends with its own HTTP port. */
  static JsonObject nodeConfig() {
    JsonObject node = TestBackends.config();
    // Tests act as many clients from one machine, each with its own forwarded address.
    node.getJsonObject("http").put("trustForwardedFor", true);
    // Lower than the default only to keep the suite quick on two cores; the jar test runs the default.
    node.getJsonObject("users").put("bcryptCost", 10);
    return node;
  }

  /** What the platform's tracing exported so far. */
  static List<SpanData> spans() {
    config();
    return SPANS.getFinishedSpanItems();
  }

  /** The platform's Vert.x, to publish and consume on its event bus the way other verticles would. */
  static Vertx vertx() {
    config();
    return platform.vertx();
  }

  /** The port of the platform's management listener ({@code /metrics}). */
  static int managementPort() {
    config();
    return platform.managementPort();
  }

  static String baseUrl() {
    JsonObject http = config().getJsonObject("http");
    return "http://127.0.0.1:" + http.getInteger("port");
  }

  /** A client that looks like a distinct machine, so rate limits of one test do not touch another. */
  static HttpTestClient client() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String ip = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    return new HttpTestClient(baseUrl()).withHeader("X-Forwarded-For", ip);
  }

  static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  static String jwtSecret() {
    return config().getJsonObject("jwt").getString("secret");
  }
}
