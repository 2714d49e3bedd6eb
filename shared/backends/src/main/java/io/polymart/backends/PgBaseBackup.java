package io.polymart.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A base backup of a running embedded PostgreSQL made the way the manual's "low-level base backup" describes:
 * {@code pg_backup_start}, a copy of the data directory, {@code pg_backup_stop}, whose label file goes into the copy.
 * The copy becomes a standby with {@code standby.signal}; the WAL written meanwhile reaches it over streaming
 * replication.
 */
final class PgBaseBackup {
  /** Written last: the system identifier of the primary the directory is a complete copy of. */
  private static final String COPY_OF = "polymart-replica-of";
  /** Directories whose content a base backup leaves out (the server rebuilds it); they must exist, empty. */
  private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
      "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
  /** Files of the running primary that are not part of its state. */
  private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "server.log", "server.log.1");

  private PgBaseBackup() {
  }

  static String systemIdentifier(Statement primary) throws SQLException {
    try (ResultSet rs = primary.executeQuery("SELECT system_identifier::text FROM pg_control_system()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Whether {@code dir} holds a complete copy of the primary with this system identifier. */
  static boolean isCopyOf(Path dir, String systemId) {
    try {
      Path marker = dir.resolve(COPY_OF);
      return Files.isRegularFile(marker) && Files.readString(marker).strip().equals(systemId);
    } catch (IOException e) {
      return false;
    }
  }

  /** Replaces whatever {@code target} holds with a base backup of the primary in {@code source}, ready to stand by. */
  static void take(Statement primary, Path source, Path target, String systemId) throws SQLException {
    try {
      if (Files.exists(target)) {
        PostgresBinaries.deleteTree(target);
      }
      Files.createDirectories(target);
      primary.execute("SELECT pg_backup_start('polymart replica', true)");
      copy(source, target);
      String label;
      try (ResultSet rs = primary.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
        rs.next();
        label = rs.getString(1);
      }
      Files.writeString(target.resolve("backup_label"), label, StandardCharsets.UTF_8);
      Files.writeString(target.resolve("standby.signal"), "");
      Files.writeString(target.resolve(COPY_OF), systemId + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy PostgreSQL's data directory to " + target, e);
    }
  }

  /** Points a standby at its primary (rewritten before each start: the embedded primary's port changes). */
  static void writeStandbyConf(Path dataDir, String primaryConninfo) {
    try {
      Files.writeString(dataDir.resolve("postgresql.auto.conf"),
          "# written by Polymart before each start of this embedded replica\nprimary_conninfo = '"
              + primaryConninfo + "'\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not configure the replica in " + dataDir, e);
    }
  }

  private static void copy(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(target.resolve(source.relativize(dir).toString()));
        return dir.getParent() != null && dir.getParent().equals(source)
            && EMPTIED.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String name = file.getFileName().toString();
        boolean topLevel = file.getParent().equals(source);
        if ((topLevel && LEFT_OUT.contains(name)) || name.startsWith("pgsql_tmp")) {
          return FileVisitResult.CONTINUE;
        }
        try {
          Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        } catch (NoSuchFileException removedMeanwhile) {
          // a file the server removed during the copy: replaying the WAL from the backup's start recreates its state
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }
    });
  }
}
