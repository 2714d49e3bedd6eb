package io.polymart.backends;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small helpers shared by the embedded backends: ports, child processes, users, logging levels. */
final class Support {

  static final String HOST = "127.0.0.1";

  private static final Logger LOG = LoggerFactory.getLogger(Support.class);
  private static final Deque<Integer> RECENT_PORTS = new ArrayDeque<>();
  /** The longest path of a Unix domain socket Linux takes ({@code sun_path} is 108 bytes with its terminator). */
  private static final int MAX_SOCKET_PATH = 107;

  private Support() {}

  static InetAddress loopback() {
    try {
      return InetAddress.getByName(HOST);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A port that is free on 127.0.0.1 right now. Ports handed out recently in this JVM are never handed out twice, so
   * backends starting in parallel do not pick the same one; a backend that still loses a race retries with another.
   */
  static int freePort() {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port;
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(loopback(), 0));
        port = socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not find a free port on " + HOST, e);
      }
      synchronized (RECENT_PORTS) {
        if (!RECENT_PORTS.contains(port)) {
          RECENT_PORTS.addLast(port);
          if (RECENT_PORTS.size() > 64) {
            RECENT_PORTS.removeFirst();
          }
          return port;
        }
      }
    }
    throw new IllegalStateException("Could not find a free port on " + HOST);
  }

  /**
   * A new directory for a server's Unix domain socket, whose name is {@code longestName} at most: under
   * {@code java.io.tmpdir} (a socket's path may not exceed 107 bytes, a data directory's may), searchable by this
   * process's user only; none where the socket's path would be too long.
   */
  static Optional<Path> socketDirectory(String prefix, String longestName) {
    try {
      Path dir = Files.createTempDirectory(prefix,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      if (dir.resolve(longestName).toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
        LOG.debug("No Unix domain socket in {}: too long a path", dir);
        Files.delete(dir);
        return Optional.empty();
      }
      return Optional.of(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a directory for a Unix domain socket", e);
    }
  }

  /** Whether something accepts TCP connections on 127.0.0.1:port. */
  static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(loopback(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether this process runs as root (uid 0). */
  static boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return uid instanceof Integer && (Integer) uid == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase().startsWith("linux");
  }

  /** Result of a finished command: exit code and its merged stdout/stderr. */
  record CommandResult(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Runs a command to completion with stdin closed and stdout+stderr merged, killing it after the timeout. Returns exit
   * code 127 with the exception message if it cannot be started at all.
   */
  static CommandResult run(List<String> command, Map<String, String> env, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    if (env != null) {
      env.forEach((k, v) -> {
        if (v == null) {
          builder.environment().remove(k);
        } else {
          builder.environment().put(k, v);
        }
      });
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new CommandResult(127, String.valueOf(e.getMessage()));
    }
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
        runnable -> daemon("cmd-output", runnable).start());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return new CommandResult(124, "timed out after " + timeout + ": " + output.getNow(""));
      }
      return new CommandResult(process.exitValue(), output.get(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("Interrupted while running " + command, e);
    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
      return new CommandResult(process.exitValue(), "");
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  static Thread daemon(String name, Runnable runnable) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Waits until the process has exited, then kills it if it is still running after the timeout. A process that is
   * not our child (the postmaster, which pg_ctl detaches) counts as exited once it is a zombie: reaping it is its new
   * parent's business, and {@link ProcessHandle#onExit()} would poll such a process only every 300+ ms.
   */
  static void awaitExit(ProcessHandle process, Duration timeout) {
    if (awaitGone(process, timeout)) {
      return;
    }
    LOG.warn("Process {} did not exit within {}, killing it", process.pid(), timeout);
    process.destroyForcibly();
    if (!awaitGone(process, Duration.ofSeconds(10))) {
      LOG.warn("Process {} still alive after SIGKILL", process.pid());
    }
  }

  private static boolean awaitGone(ProcessHandle process, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean child = ProcessHandle.current().children().anyMatch(c -> c.pid() == process.pid());
    if (child) {
      try {
        process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !process.isAlive();
      } catch (Exception e) {
        return !process.isAlive();
      }
    }
    long sleep = 5;
    while (isRunning(process)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !isRunning(process);
      }
      sleep = Math.min(sleep * 2, 100);
    }
    return true;
  }

  /** Alive and not a zombie. */
  static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      int end = stat.lastIndexOf(')');
      char state = end > 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : 'R';
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return process.isAlive();
    }
  }

  /** The process with that pid if it is alive and its command line contains the given text. */
  static Optional<ProcessHandle> liveProcess(long pid, String commandContains) {
    return ProcessHandle.of(pid)
        .filter(Support::isRunning)
        .filter(p -> p.info().commandLine().map(c -> c.contains(commandContains))
            .orElse(p.info().command().map(c -> c.contains(commandContains)).orElse(true)));
  }

  /** Last lines of a text file, for error messages. */
  static String tail(Path file, int lines) {
    try {
      if (!Files.isRegularFile(file)) {
        return "";
      }
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  /**
   * Sets the level of the named loggers to WARN when the SLF4J backend is Logback and the application's logging
   * configuration does not set a level for them itself. Kafka, jclouds, Jetty and mongo-java-server are chatty at INFO.
   */
  static void quietLoggers(String... names) {
    setLevelIfUnset("WARN", names);
  }

  /** Like {@link #quietLoggers}, with the given Logback level name. */
  static void setLevelIfUnset(String level, String... names) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!"ch.qos.logback.classic.LoggerContext".equals(factory.getClass().getName())) {
      return;
    }
    try {
      ClassLoader loader = factory.getClass().getClassLoader();
      Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level", true, loader);
      Object warn = levelClass.getField(level).get(null);
      for (String name : names) {
        Object logger = factory.getLogger(name);
        Method getLevel = logger.getClass().getMethod("getLevel");
        if (getLevel.invoke(logger) == null) {
          logger.getClass().getMethod("setLevel", levelClass).invoke(logger, warn);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("Could not adjust logging levels", e);
    }
  }
}
