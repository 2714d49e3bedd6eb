package io.polymart.testing;

import io.polymart.backends.Backend;
import io.polymart.backends.BackendsOptions;
import io.polymart.backends.EmbeddedBackends;
import io.polymart.core.config.ConfigLoader;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * One set of embedded backends per test JVM, in a fresh temporary directory, started on first use and
 * stopped when the JVM exits. Every test class in the JVM shares it.
 */
public final class TestBackends {
  private static EmbeddedBackends backends;
  private static Path dataDir;

  private TestBackends() {
  }

  public static synchronized EmbeddedBackends get() {
    if (backends == null) {
      try {
        dataDir = Files.createTempDirectory("polymart-test-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      backends = EmbeddedBackends.start(new BackendsOptions(dataDir, false, EnumSet.allOf(Backend.class)))
          .ownedByCaller();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        backends.close();
        deleteRecursively(dataDir);
      }, "test-backends-stop"));
    }
    return backends;
  }

  /** Bundled defaults pointed at the shared backends, a random HTTP port and a fixed test JWT key. */
  public static JsonObject config() {
    EmbeddedBackends running = get();
    JsonObject config = ConfigLoader.defaults();
    config.put("dataDir", dataDir.toString());
    config.getJsonObject("pg").put("url", running.postgresUrl().orElseThrow());
    running.postgresSocketDirectory().ifPresent(dir -> config.getJsonObject("pg").put("socketDirectory", dir));
    config.getJsonObject("redis").put("url", running.redisUrl().orElseThrow());
    config.getJsonObject("kafka").put("bootstrapServers", running.kafkaBootstrapServers().orElseThrow());
    config.getJsonObject("mongo").put("url", running.mongoUrl().orElseThrow());
    running.s3().ifPresent(s3 -> config.getJsonObject("s3")
        .put("endpoint", s3.url()).put("accessKey", s3.accessKey()).put("secretKey", s3.secretKey()));
    config.getJsonObject("jwt").put("secret", "test-secret-that-is-long-enough-for-hs256-signing");
    config.getJsonObject("http").put("port", freePort()).put("host", "127.0.0.1");
    config.getJsonObject("management").put("port", freePort());
    return config;
  }

  /**
   * Kills a backend's server process as a crash would (SIGKILL to the PostgreSQL postmaster or to redis-server) and
   * returns its pid, for fault tests. The backends' supervisor starts it again on the same port and data within a
   * moment (Redis without persistence comes back empty); {@link EmbeddedBackends#pid} then gives the new pid.
   */
  public static long crash(Backend backend) {
    long pid = get().pid(backend)
        .orElseThrow(() -> new IllegalArgumentException(backend + " runs no server process of its own"));
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    return pid;
  }

  public static Path dataDir() {
    get();
    return dataDir;
  }

  private static void deleteRecursively(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary directory is harmless
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
