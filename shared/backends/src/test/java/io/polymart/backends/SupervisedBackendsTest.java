package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL and Redis killed as a crash would (SIGKILL): each comes back by itself on the same port with its data,
 * and close() afterwards still leaves nothing running.
 */
class SupervisedBackendsTest {

  @TempDir
  Path dataDir;

  @Test
  void killedServersComeBackOnTheSamePortWithTheirData() throws Exception {
    try (EmbeddedBackends backends = EmbeddedBackends.start(
        new BackendsOptions(dataDir, true, EnumSet.of(Backend.POSTGRES, Backend.REDIS)))) {
      Map<Backend, Integer> ports = Map.of(Backend.POSTGRES, backends.port(Backend.POSTGRES).orElseThrow(),
          Backend.REDIS, backends.port(Backend.REDIS).orElseThrow());

      try (Resp redis = Clients.redis(backends)) {
        assertThat(redis.call("SET", "survivor", "key before the crash")).isEqualTo("OK");
      }
      long t0 = System.nanoTime();
      long redisPid = kill(backends, Backend.REDIS);
      String value = await(Duration.ofSeconds(20), () -> {
        try (Resp redis = Clients.redis(backends)) {
          assertThat(redis.call("PING")).isEqualTo("PONG");
          return redis.call("GET", "survivor");
        }
      });
      System.out.printf("Redis answered again %d ms after SIGKILL%n", (System.nanoTime() - t0) / 1_000_000);
      assertThat(value).isEqualTo("key before the crash");
      assertThat(backends.pid(Backend.REDIS)).get().isNotEqualTo(redisPid);
      assertThat(backends.port(Backend.REDIS)).contains(ports.get(Backend.REDIS));

      try (Connection c = Clients.postgres(backends); Statement s = c.createStatement()) {
        // durable whatever the server's default, so that only the supervision is under test here
        s.execute("SET synchronous_commit = on");
        s.execute("CREATE TABLE survivors (name text)");
        s.execute("INSERT INTO survivors VALUES ('row before the crash')");
      }
      t0 = System.nanoTime();
      long postmasterPid = kill(backends, Backend.POSTGRES);
      String row = await(Duration.ofSeconds(60), () -> {
        try (Connection c = Clients.postgres(backends); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT name FROM survivors")) {
          assertThat(rs.next()).isTrue();
          return rs.getString(1);
        }
      });
      System.out.printf("PostgreSQL answered again %d ms after SIGKILL%n", (System.nanoTime() - t0) / 1_000_000);
      assertThat(row).isEqualTo("row before the crash");
      assertThat(backends.pid(Backend.POSTGRES)).get().isNotEqualTo(postmasterPid);
      assertThat(backends.port(Backend.POSTGRES)).contains(ports.get(Backend.POSTGRES));

      backends.close();
      EmbeddedBackendsTest.assertNothingLeft(dataDir, ports);
    }
  }

  @Test
  void closeRightAfterACrashLeavesNothingRunning() throws Exception {
    EmbeddedBackends backends = EmbeddedBackends.start(new BackendsOptions(dataDir, false, EnumSet.of(Backend.REDIS)));
    Map<Backend, Integer> ports = Map.of(Backend.REDIS, backends.port(Backend.REDIS).orElseThrow());
    try (Resp redis = Clients.redis(backends)) {
      assertThat(redis.call("SET", "k", "v")).isEqualTo("OK");
    }
    kill(backends, Backend.REDIS);
    // not persistent: the restarted Redis is empty
    assertThat(await(Duration.ofSeconds(20), () -> {
      try (Resp redis = Clients.redis(backends)) {
        return redis.call("EXISTS", "k");
      }
    })).isEqualTo("0");

    kill(backends, Backend.REDIS);
    backends.close(); // while the supervisor may be restarting it
    EmbeddedBackendsTest.assertNothingLeft(dataDir, ports);
  }

  /** SIGKILL to the backend's server process; returns once it is dead, with its pid. */
  private static long kill(EmbeddedBackends backends, Backend backend) throws Exception {
    ProcessHandle process = ProcessHandle.of(backends.pid(backend).orElseThrow()).orElseThrow();
    assertThat(process.destroyForcibly()).isTrue();
    await(Duration.ofSeconds(10), () -> {
      assertThat(Support.isRunning(process)).isFalse();
      return true;
    });
    return process.pid();
  }

  /** Runs the probe until it returns without throwing, or fails with its last error after the timeout. */
  private static <T> T await(Duration timeout, Callable<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return probe.call();
      } catch (Exception | AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("not within " + timeout, e);
        }
      }
      Thread.sleep(50);
    }
  }
}
