package io.polymart.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from zonky's binaries, run as a separate server process ({@code pg_ctl start}) on a free port on
 * 127.0.0.1 and (not a replica) on a Unix domain socket in a directory of its own, data in {@code dataDir/postgres}
 * (initialised on first start only, kept across restarts). Database
 * {@code polymart} owned by role {@code polymart} (password {@code polymart}, CREATEDB, not superuser); local
 * connections use trust authentication. If the postmaster dies, a {@link ProcessSupervisor} starts the server again
 * on the same port and data.
 *
 * <p>PostgreSQL refuses to run as root. As root this class runs {@code initdb}, {@code pg_ctl} and {@code postgres}
 * under {@code unshare -U} (a user namespace in which root is unprivileged) when the kernel allows it, and otherwise as
 * uid/gid 65534 ("nobody") via {@code setpriv}, keeping CAP_DAC_OVERRIDE as an ambient capability where possible so
 * that the data directory may sit anywhere (e.g. under {@code /root}). The system property
 * {@code polymart.pg.forceSetpriv=true} forces the setpriv way (for testing it where namespaces work).
 */
final class EmbeddedPostgres implements AutoCloseable {

  static final String USER = "polymart";
  static final String PASSWORD = "polymart";
  static final String DATABASE = "polymart";
  static final int UNPRIVILEGED_ID = 65534;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

  /** How the PostgreSQL processes are run. */
  enum RunMode {
    /** As the current (non-root) user. */
    CURRENT_USER,
    /** As root inside a fresh user namespace, where it is uid 65534. */
    UNSHARE,
    /** As uid/gid 65534 through setpriv. */
    SETPRIV
  }

  record Runner(RunMode mode, List<String> prefix, int ownerUid, int ownerGid) {}

  private static Runner runner;

  private final Path home;
  private final Path dataDir;
  private final Runner run;
  private final int port;
  private final Path socketDir;
  private final boolean persistent;
  private final Standby standby;
  private volatile ProcessSupervisor supervisor;
  private boolean closed;

  /** What makes a server a streaming replica: the primary it follows and the replication slot it uses there. */
  private record Standby(int primaryPort, String slot) {}

  private EmbeddedPostgres(Path home, Path dataDir, Runner run, int port, Path socketDir, boolean persistent,
      Standby standby) {
    this.home = home;
    this.dataDir = dataDir;
    this.run = run;
    this.port = port;
    this.socketDir = socketDir;
    this.persistent = persistent;
    this.standby = standby;
  }

  static EmbeddedPostgres start(Path dataDir, boolean persistent) {
    return start(dataDir, persistent, runner());
  }

  static EmbeddedPostgres start(Path dataDir, boolean persistent, Runner run) {
    Path home = PostgresBinaries.home();
    prepareDataDir(dataDir, run);
    if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
      initdb(home, dataDir, run, persistent);
    } else {
      stopOrphan(home, dataDir, run);
    }
    return startServer(home, dataDir, run, persistent, null);
  }

  /**
   * Starts a streaming replica of this server in {@code replicaDir}, read-only and following it through the physical
   * replication slot {@code polymart_replica_<number>}. The first time (or when the directory holds a copy of
   * another primary) the directory is filled with a base backup taken with the low-level backup functions, since
   * the embedded binaries have no {@code pg_basebackup}; later starts reuse it and catch up from the slot.
   */
  EmbeddedPostgres startReplica(Path replicaDir, int number) {
    String slot = "polymart_replica_" + number;
    try (Connection c = superuser(); Statement s = c.createStatement()) {
      String systemId = PgBaseBackup.systemIdentifier(s);
      if (!exists(s, "SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + slot + "'")) {
        // reserved at once, so the WAL from the base backup's start on stays until the replica has it
        s.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
      }
      stopOrphan(home, replicaDir, run);
      if (!PgBaseBackup.isCopyOf(replicaDir, systemId)) {
        PgBaseBackup.take(s, dataDir, replicaDir, systemId);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the PostgreSQL replica in " + replicaDir, e);
    }
    prepareDataDir(replicaDir, run);
    return startServer(home, replicaDir, run, persistent, new Standby(port, slot));
  }

  private static EmbeddedPostgres startServer(Path home, Path dataDir, Runner run, boolean persistent,
      Standby standby) {
    IllegalStateException failure = null;
    Path socketDir = standby == null ? socketDirectory(run) : null;
    for (int attempt = 0; attempt < 3; attempt++) {
      EmbeddedPostgres pg = new EmbeddedPostgres(home, dataDir, run, Support.freePort(), socketDir, persistent,
          standby);
      Support.CommandResult result = pg.pgCtlStart();
      if (result.ok()) {
        try {
          if (standby == null) {
            pg.bootstrap();
          }
          pg.supervise();
        } catch (RuntimeException e) {
          pg.close();
          throw e;
        }
        LOG.info("PostgreSQL {} embedded, listening on {}:{}{} (data: {})", standby == null ? "primary" : "replica",
            Support.HOST, pg.port, socketDir == null ? "" : " and in " + socketDir, dataDir);
        return pg;
      }
      String serverLog = Support.tail(pg.log(), 20);
      failure = new IllegalStateException("PostgreSQL did not start (pg_ctl exit " + result.exitCode() + "): "
          + result.output().trim() + "\n" + serverLog + hint(run, dataDir));
      stopOrphan(home, dataDir, run); // in case pg_ctl gave up on a server that is still coming up
      if (!(serverLog.contains("could not bind") || serverLog.contains("already in use"))) {
        break;
      }
    }
    if (socketDir != null) {
      PostgresBinaries.deleteTree(socketDir);
    }
    throw failure;
  }

  private Support.CommandResult pgCtlStart() {
    rotate(log());
    String options = serverOptions(port, socketDir, persistent);
    if (standby != null) {
      // the primary's port changes with each start of the platform: tell the replica where it is now
      PgBaseBackup.writeStandbyConf(dataDir, "host=" + Support.HOST + " port=" + standby.primaryPort()
          + " user=postgres application_name=" + standby.slot());
      // feedback keeps the primary's vacuum from removing rows a replica query still reads (no cancelled reads)
      options += " -c primary_slot_name=" + standby.slot() + " -c hot_standby=on -c hot_standby_feedback=on";
    }
    List<String> start = command(home, run, "pg_ctl", "-D", dataDir.toString(), "-l", log().toString(), "-w",
        "-t", "60", "-o", options, "start");
    return Support.run(start, env(), COMMAND_TIMEOUT);
  }

  private Path log() {
    return dataDir.resolve("server.log");
  }

  private void supervise() {
    ProcessHandle postmaster = readPid(dataDir).flatMap(ProcessHandle::of)
        .orElseThrow(() -> new IllegalStateException("No running postmaster in " + dataDir));
    supervisor = ProcessSupervisor.watch("PostgreSQL on " + Support.HOST + ":" + port, postmaster, this::restart);
  }

  /**
   * Starts the server again after its postmaster died, same port, data and options (for the {@link
   * ProcessSupervisor}); PostgreSQL recovers from its write-ahead log. The dead postmaster's pid file goes first:
   * while nobody reaps it, the postmaster stays a zombie, which a new one would take for a server still running.
   * Without that file the shared-memory interlock still holds (its key comes from the data directory's inode): while
   * the dead server's processes are still exiting, the start fails and is retried.
   */
  private ProcessHandle restart(ProcessHandle dead) throws IOException {
    if (readPid(dataDir).filter(pid -> pid == dead.pid()).isPresent() && !Support.isRunning(dead)) {
      Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
    }
    Support.CommandResult result = pgCtlStart();
    if (!result.ok()) {
      String serverLog = Support.tail(log(), 3).strip();
      stopOrphan(home, dataDir, run); // in case pg_ctl gave up on a server that is still coming up
      throw new IllegalStateException("pg_ctl start exit " + result.exitCode() + ": " + serverLog);
    }
    return readPid(dataDir).flatMap(ProcessHandle::of)
        .orElseThrow(() -> new IllegalStateException("pg_ctl started no postmaster in " + dataDir));
  }

  int port() {
    return port;
  }

  /** The directory of the server's Unix domain socket ({@code .s.PGSQL.<port>}); none for a replica. */
  Optional<Path> socketDirectory() {
    return Optional.ofNullable(socketDir);
  }

  Path dataDir() {
    return dataDir;
  }

  String url() {
    return "postgresql://" + USER + ":" + PASSWORD + "@" + Support.HOST + ":" + port + "/" + DATABASE;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + Support.HOST + ":" + port + "/" + DATABASE + "?user=" + USER + "&password="
        + PASSWORD;
  }

  /** The pid of the postmaster, read from {@code postmaster.pid} (for a moment stale after it died). */
  Optional<Long> postmasterPid() {
    return readPid(dataDir);
  }

  /** Fast shutdown: open sessions are terminated, then a checkpoint; waits until the postmaster has exited. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (supervisor != null) {
      supervisor.stop();
    }
    long t0 = System.nanoTime();
    Optional<ProcessHandle> postmaster = readPid(dataDir).flatMap(ProcessHandle::of);
    Support.CommandResult result = Support.run(command(home, run, "pg_ctl", "-D", dataDir.toString(), "-m", "fast",
        "-w", "-t", "30", "stop"), env(), COMMAND_TIMEOUT);
    if (!result.ok()) {
      LOG.warn("pg_ctl stop failed (exit {}): {}", result.exitCode(), result.output().trim());
    }
    long t1 = System.nanoTime();
    postmaster.ifPresent(p -> Support.awaitExit(p, Duration.ofSeconds(15)));
    if (socketDir != null) {
      PostgresBinaries.deleteTree(socketDir);
    }
    LOG.debug("PostgreSQL on port {} stopped (pg_ctl stop {} ms, exit wait {} ms)", port, (t1 - t0) / 1_000_000,
        (System.nanoTime() - t1) / 1_000_000);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** A connection as the superuser {@code postgres} to the {@code postgres} database. */
  Connection superuser() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    props.setProperty("connectTimeout", "10");
    return new org.postgresql.Driver().connect("jdbc:postgresql://" + Support.HOST + ":" + port + "/postgres", props);
  }

  private void bootstrap() {
    try (Connection c = superuser(); Statement s = c.createStatement()) {
      if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
        s.execute("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
      }
      if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the " + DATABASE + " database in embedded PostgreSQL", e);
    }
  }

  static boolean exists(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next();
    }
  }

  private static String serverOptions(int port, Path socketDir, boolean persistent) {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put("listen_addresses", Support.HOST);
    settings.put("unix_socket_directories", socketDir == null ? "''" : socketDir.toString());
    settings.put("max_connections", "300");
    settings.put("timezone", "UTC");
    // the demo shop's hot pages fit, the kernel's page cache keeps the rest; with the default 128 MB every backend
    // touched more shared pages: 25 MB more memory after bench/run, and no faster
    settings.put("shared_buffers", "32MB");
    // a commit is acknowledged only once its WAL is written (and, persistent, flushed): nothing answered 2xx is
    // lost when a process dies; concurrent commits share one flush (group commit)
    settings.put("synchronous_commit", "on");
    settings.put("fsync", persistent ? "on" : "off");
    settings.put("full_page_writes", persistent ? "on" : "off");
    StringBuilder options = new StringBuilder("-p ").append(port);
    settings.forEach((k, v) -> options.append(" -c ").append(k).append('=').append(v));
    return options.toString();
  }

  /** A directory of its own for the server's Unix domain socket, owned by the user PostgreSQL runs as. */
  private static Path socketDirectory(Runner run) {
    Optional<Path> dir = Support.socketDirectory("polymart-pg-", ".s.PGSQL.65535.lock");
    if (dir.isPresent() && run.mode() != RunMode.CURRENT_USER) {
      try {
        chownTree(dir.get(), run.ownerUid(), run.ownerGid());
      } catch (IOException e) {
        throw new UncheckedIOException("Could not hand " + dir.get() + " to PostgreSQL's user", e);
      }
    }
    return dir.orElse(null);
  }

  /**
   * initdb with UTF-8, PostgreSQL 17's built-in C.UTF-8 collation (code point order, stable across OS upgrades) and
   * the C library's C.UTF-8 character classes, so that pg_trgm, upper() and regular expressions treat accented
   * letters as letters. Where the C library has no C.UTF-8 locale, character classes fall back to plain C.
   */
  private static void initdb(Path home, Path dataDir, Runner run, boolean persistent) {
    Support.CommandResult result = initdb(home, dataDir, run, persistent, "--lc-ctype=C.UTF-8");
    if (!result.ok() && result.output().contains("locale")) {
      LOG.debug("initdb with LC_CTYPE C.UTF-8 failed, using C: {}", result.output().trim());
      cleanDirectory(dataDir);
      result = initdb(home, dataDir, run, persistent, "--lc-ctype=C");
    }
    if (!result.ok()) {
      throw new IllegalStateException("initdb failed (exit " + result.exitCode() + ", running "
          + run.mode() + "): " + result.output().trim() + hint(run, dataDir));
    }
  }

  private static Support.CommandResult initdb(Path home, Path dataDir, Runner run, boolean persistent,
      String ctype) {
    List<String> args = new ArrayList<>(List.of("-D", dataDir.toString(), "-U", "postgres", "-A", "trust",
        "-E", "UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--lc-collate=C", ctype,
        "--no-instructions"));
    if (!persistent) {
      args.add("--no-sync");
    }
    return Support.run(command(home, run, "initdb", args.toArray(String[]::new)), env(), COMMAND_TIMEOUT);
  }

  private static void cleanDirectory(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      children.forEach(PostgresBinaries::deleteTree);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not empty " + dir, e);
    }
  }

  private static String hint(Runner run, Path dataDir) {
    if (run.mode() != RunMode.SETPRIV) {
      return "";
    }
    return "\n(PostgreSQL runs as uid " + run.ownerUid() + " here, since this JVM runs as root and user namespaces are"
        + " unavailable: every parent directory of " + dataDir + " must be searchable by it (chmod o+x), or run"
        + " Polymart as a non-root user)";
  }

  /** A postmaster left running on this data directory by a JVM that died without closing it. */
  private static void stopOrphan(Path home, Path dataDir, Runner run) {
    Optional<ProcessHandle> orphan = readPid(dataDir).flatMap(pid -> Support.liveProcess(pid, dataDir.toString()));
    if (orphan.isEmpty()) {
      return;
    }
    LOG.warn("Stopping a PostgreSQL server (pid {}) left running on {}", orphan.get().pid(), dataDir);
    Support.run(command(home, run, "pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "30", "stop"),
        env(), COMMAND_TIMEOUT);
    Support.awaitExit(orphan.get(), Duration.ofSeconds(15));
  }

  private static Optional<Long> readPid(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      try (Stream<String> lines = Files.lines(pidFile, StandardCharsets.US_ASCII)) {
        return lines.findFirst().map(String::trim).filter(l -> l.matches("\\d+")).map(Long::parseLong);
      }
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private static void rotate(Path log) {
    try {
      if (Files.exists(log)) {
        Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.debug("Could not rotate {}", log, e);
    }
  }

  /**
   * Creates the data directory (mode 0700) and, as root, hands it to the user PostgreSQL runs as. A directory left
   * by an initdb that did not finish is emptied; one with other content is refused.
   */
  private static void prepareDataDir(Path dataDir, Runner run) {
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
        try (Stream<Path> children = Files.list(dataDir)) {
          List<Path> content = children.toList();
          Set<String> initdbFiles = Set.of("global", "base", "pg_wal", "postgresql.conf", "pg_hba.conf",
              "server.log", "server.log.1", "pg_xact", "pg_multixact", "pg_subtrans");
          if (!content.isEmpty()) {
            if (content.stream().allMatch(p -> initdbFiles.contains(p.getFileName().toString())
                || p.getFileName().toString().startsWith("pg_"))) {
              LOG.warn("Removing an unfinished PostgreSQL data directory {}", dataDir);
              for (Path p : content) {
                PostgresBinaries.deleteTree(p);
              }
            } else {
              throw new IllegalStateException("Cannot initialise PostgreSQL in " + dataDir
                  + ": the directory is not empty and is not a PostgreSQL data directory");
            }
          }
        }
      }
      if (run.mode() != RunMode.CURRENT_USER) {
        Object owner = Files.getAttribute(dataDir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (!Integer.valueOf(run.ownerUid()).equals(owner)) {
          chownTree(dataDir, run.ownerUid(), run.ownerGid());
        }
      }
      Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the PostgreSQL data directory " + dataDir, e);
    }
  }

  private static void chownTree(Path dir, int uid, int gid) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
      }
    }
  }

  private static List<String> command(Path home, Runner run, String tool, String... args) {
    List<String> command = new ArrayList<>(run.prefix());
    command.add(home.resolve("bin").resolve(tool).toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Environment for the PostgreSQL tools: none of the caller's PG* variables, English messages. */
  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    System.getenv().keySet().stream().filter(k -> k.startsWith("PG")).forEach(k -> env.put(k, null));
    env.put("LC_ALL", "C");
    env.put("LANG", "C");
    return env;
  }

  /** Decides once per JVM how to run PostgreSQL (see the class comment). */
  static synchronized Runner runner() {
    if (runner == null) {
      runner = detectRunner(Boolean.getBoolean("polymart.pg.forceSetpriv"));
      if (runner.mode() == RunMode.SETPRIV) {
        LOG.info("Running as root without user namespaces: PostgreSQL runs as uid {} via setpriv",
            runner.ownerUid());
      } else {
        LOG.debug("PostgreSQL run mode: {}", runner.mode());
      }
    }
    return runner;
  }

  static Runner detectRunner(boolean forceSetpriv) {
    if (!Support.isRoot()) {
      if (forceSetpriv) {
        LOG.warn("polymart.pg.forceSetpriv ignored: not running as root");
      }
      return new Runner(RunMode.CURRENT_USER, List.of(), -1, -1);
    }
    if (!forceSetpriv && Support.run(List.of("unshare", "-U", "true"), null, Duration.ofSeconds(10)).ok()) {
      return new Runner(RunMode.UNSHARE, List.of("unshare", "-U"), 0, 0);
    }
    int id = Integer.getInteger("polymart.pg.uid", UNPRIVILEGED_ID);
    List<String> base = List.of("setpriv", "--reuid=" + id, "--regid=" + id, "--clear-groups");
    List<String> withCaps = new ArrayList<>(base);
    withCaps.addAll(List.of("--inh-caps=+dac_override", "--ambient-caps=+dac_override"));
    for (List<String> prefix : List.of(withCaps, base)) {
      List<String> probe = new ArrayList<>(prefix);
      probe.addAll(List.of("--", "true"));
      if (Support.run(probe, null, Duration.ofSeconds(10)).ok()) {
        List<String> full = new ArrayList<>(prefix);
        full.add("--");
        return new Runner(RunMode.SETPRIV, List.copyOf(full), id, id);
      }
    }
    throw new IllegalStateException("PostgreSQL cannot run as root, and neither 'unshare -U' nor 'setpriv' works"
        + " here: run Polymart as a non-root user, or give PostgreSQL's address in the configuration");
  }
}
