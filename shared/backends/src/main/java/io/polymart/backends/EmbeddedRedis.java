package io.polymart.backends;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code redis-server} child process on a free port on 127.0.0.1, working directory {@code dataDir/redis}.
 * Persistent mode: append-only file (fsync before every reply) plus the default RDB snapshots; otherwise no persistence at
 * all. The executable is, in this order: the system property {@code polymart.redis.executable} (not a
 * {@code POLYMART_*} variable: those are configuration keys, and unknown ones stop the start); on Linux x86-64 the Redis 6.2 binary inside
 * {@code com.github.codemonstur:embedded-redis}, copied once per machine and user under {@code java.io.tmpdir};
 * otherwise {@code redis-server} from the PATH. If the process dies, a {@link ProcessSupervisor} starts it again on
 * the same port and directory (without persistence, that Redis is empty).
 */
final class EmbeddedRedis implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
  private static final String BUNDLED_LINUX_AMD64 = "redis-server-6.2.6-v5-linux-amd64";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final String executable;
  private final Path dataDir;
  private final int port;
  private final boolean persistent;
  private final ProcessSupervisor supervisor;
  private volatile Process process;
  private boolean closed;

  private EmbeddedRedis(Process process, String executable, Path dataDir, int port, boolean persistent) {
    this.process = process;
    this.executable = executable;
    this.dataDir = dataDir;
    this.port = port;
    this.persistent = persistent;
    this.supervisor = ProcessSupervisor.watch("Redis on " + Support.HOST + ":" + port, process.toHandle(),
        dead -> restart());
  }

  static EmbeddedRedis start(Path dataDir, boolean persistent) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + dataDir, e);
    }
    stopOrphan(pidFile(dataDir));
    String executable = executable();
    IllegalStateException failure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = Support.freePort();
      Launch launch = launch(executable, dataDir, port, persistent);
      if (launch.ready()) {
        LOG.info("Redis embedded, listening on {}:{} (data: {})", Support.HOST, port, dataDir);
        return new EmbeddedRedis(launch.process(), executable, dataDir, port, persistent);
      }
      String output = launch.output();
      failure = new IllegalStateException("Redis did not start (" + executable + "):\n" + output);
      if (output.contains("error while loading shared libraries") && !executable.equals("redis-server")
          && onPath("redis-server")) {
        // the bundled binary needs OpenSSL 3; an installed redis-server will do
        LOG.warn("The bundled redis-server does not run here ({}), using redis-server from the PATH", output.trim());
        executable = "redis-server";
        continue;
      }
      if (!output.contains("already in use") && !output.contains("Could not create server TCP listening socket")) {
        break;
      }
    }
    throw failure;
  }

  /** A redis-server that accepts connections, or one that did not start (stopped again) and its last output. */
  private record Launch(Process process, boolean ready, String output) {}

  private static Launch launch(String executable, Path dataDir, int port, boolean persistent) {
    List<String> command = new ArrayList<>(List.of(executable,
        "--port", Integer.toString(port),
        "--bind", Support.HOST,
        "--daemonize", "no",
        "--dir", dataDir.toString(),
        "--pidfile", pidFile(dataDir).toString(),
        "--logfile", ""));
    if (persistent) {
      // every write is on disk before its reply (Redis batches the fsync of one event-loop turn)
      command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
    } else {
      command.addAll(List.of("--appendonly", "no", "--save", ""));
    }
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + executable, e);
    }
    OutputWatcher watcher = new OutputWatcher(process.getInputStream(), port);
    Support.daemon("redis-" + port + "-output", watcher).start();
    try {
      if (watcher.awaitReady(process, START_TIMEOUT)) {
        return new Launch(process, true, "");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("Interrupted while starting Redis", e);
    }
    process.destroyForcibly();
    Support.awaitExit(process.toHandle(), Duration.ofSeconds(10));
    return new Launch(process, false, watcher.output());
  }

  /** Starts redis-server again after it died, same port, data and options (for the {@link ProcessSupervisor}). */
  private ProcessHandle restart() {
    Launch launch = launch(executable, dataDir, port, persistent);
    if (!launch.ready()) {
      String output = launch.output().strip();
      throw new IllegalStateException(output.substring(output.lastIndexOf('\n') + 1));
    }
    process = launch.process();
    return process.toHandle();
  }

  private static Path pidFile(Path dataDir) {
    return dataDir.resolve("redis-server.pid");
  }

  int port() {
    return port;
  }

  String url() {
    return "redis://" + Support.HOST + ":" + port;
  }

  /** The pid of the running redis-server (a new one after the supervisor restarted it). */
  long pid() {
    return process.pid();
  }

  /**
   * {@code SHUTDOWN} (which writes the append-only file / snapshot in persistent mode, {@code SHUTDOWN NOSAVE}
   * otherwise), then waits for the process to exit; kills it if it does not.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    supervisor.stop();
    Process process = this.process;
    if (process.isAlive()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(Support.loopback(), port), 2000);
        socket.setSoTimeout(10_000);
        String command = persistent ? "SHUTDOWN" : "SHUTDOWN NOSAVE";
        StringBuilder resp = new StringBuilder("*").append(command.split(" ").length).append("\r\n");
        for (String part : command.split(" ")) {
          resp.append('$').append(part.length()).append("\r\n").append(part).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(resp.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // the server closes the connection when it exits; an error reply ("-ERR ...") means it refused
        InputStream in = socket.getInputStream();
        int first = in.read();
        if (first == '-') {
          LOG.warn("Redis refused SHUTDOWN: {}", new BufferedReader(new InputStreamReader(in)).readLine());
          process.destroy();
        }
      } catch (IOException e) {
        LOG.debug("SHUTDOWN on Redis port {} failed, terminating it", port, e);
        process.destroy();
      }
    }
    Support.awaitExit(process.toHandle(), Duration.ofSeconds(15));
    LOG.debug("Redis on port {} stopped", port);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Reads the server's output (so that its pipe never fills up), keeps the last lines, spots readiness. */
  private static final class OutputWatcher implements Runnable {
    private final InputStream in;
    private final int port;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Deque<String> last = new ArrayDeque<>();

    OutputWatcher(InputStream in, int port) {
      this.in = in;
      this.port = port;
    }

    @Override
    public void run() {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          LOG.debug("redis-{}: {}", port, line);
          synchronized (last) {
            last.addLast(line);
            if (last.size() > 30) {
              last.removeFirst();
            }
          }
          if (line.contains("Ready to accept connections")) {
            ready.countDown();
          }
        }
      } catch (IOException ignored) {
        // process gone
      } finally {
        ended.countDown();
      }
    }

    boolean awaitReady(Process process, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (ready.await(50, TimeUnit.MILLISECONDS)) {
          return true;
        }
        if (!process.isAlive()) {
          ended.await(2, TimeUnit.SECONDS);
          return ready.getCount() == 0;
        }
      }
      return false;
    }

    String output() {
      synchronized (last) {
        return String.join("\n", last);
      }
    }
  }

  /** A redis-server left running on this directory by a JVM that died without closing it. */
  private static void stopOrphan(Path pidFile) {
    try {
      if (!Files.isRegularFile(pidFile)) {
        return;
      }
      String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
      Optional<ProcessHandle> orphan = text.matches("\\d+")
          ? Support.liveProcess(Long.parseLong(text), "redis-server") : Optional.empty();
      if (orphan.isPresent()) {
        LOG.warn("Stopping a Redis server (pid {}) left running on {}", orphan.get().pid(), pidFile.getParent());
        orphan.get().destroy();
        Support.awaitExit(orphan.get(), Duration.ofSeconds(15));
      }
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      LOG.debug("Could not check {}", pidFile, e);
    }
  }

  private static boolean onPath(String name) {
    String path = System.getenv("PATH");
    return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, name)));
  }

  private static String executable() {
    String configured = System.getProperty("polymart.redis.executable");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String arch = System.getProperty("os.arch", "");
    if (Support.isLinux() && (arch.equals("amd64") || arch.equals("x86_64"))) {
      return bundled(BUNDLED_LINUX_AMD64).toString();
    }
    return "redis-server";
  }

  private static synchronized Path bundled(String resource) {
    BundledResource binary = BundledResource.find(redis.embedded.RedisServer.class.getClassLoader(), resource)
        .orElseThrow(() -> new IllegalStateException("Resource /" + resource
            + " of embedded-redis is missing from the classpath"));
    Path dir = Path.of(System.getProperty("java.io.tmpdir"),
        "polymart-redis-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_"));
    Path target = dir.resolve("redis-server-" + binary.fingerprint());
    if (Files.isExecutable(target)) {
      return target;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve("redis-server." + UUID.randomUUID() + ".tmp");
      Files.write(tmp, binary.bytes());
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy the Redis executable to " + target, e);
    }
  }
}
