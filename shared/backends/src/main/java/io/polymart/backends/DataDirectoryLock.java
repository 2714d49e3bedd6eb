package io.polymart.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a data directory, so that two Polymart instances never run their embedded backends on the same
 * files. The lock is an OS file lock on {@code dataDir/.polymart.lock}, which also holds the owner's pid; the OS drops
 * it when the process dies, so a crashed instance never leaves a stale lock behind.
 */
public final class DataDirectoryLock implements AutoCloseable {

  static final String LOCK_FILE = ".polymart.lock";

  /** Locks held by this JVM, by lock file: a second channel on the same file must never be opened and closed, since
   * closing it would drop the POSIX lock held through the first one. */
  private static final Map<Path, DataDirectoryLock> HELD = new ConcurrentHashMap<>();

  private final Path dataDir;
  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean closed;

  private DataDirectoryLock(Path dataDir, Path lockFile, FileChannel channel, FileLock lock) {
    this.dataDir = dataDir;
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates the directory if needed and locks it.
   *
   * @throws IllegalStateException if another process, or another owner in this JVM, holds the lock:
   *     "Data directory /abs/path is already in use by another Polymart instance (pid N)"
   * @throws UncheckedIOException if the directory or the lock file cannot be created
   */
  public static DataDirectoryLock acquire(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    Path lockFile;
    try {
      Files.createDirectories(dir);
      lockFile = dir.toRealPath().resolve(LOCK_FILE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create data directory " + dir, e);
    }
    synchronized (HELD) {
      if (HELD.containsKey(lockFile)) {
        throw inUse(dir, ProcessHandle.current().pid());
      }
      FileChannel channel = null;
      try {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          String owner = readOwner(channel);
          channel.close();
          throw inUse(dir, owner);
        }
        long pid = ProcessHandle.current().pid();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        DataDirectoryLock held = new DataDirectoryLock(dir, lockFile, channel, lock);
        HELD.put(lockFile, held);
        return held;
      } catch (IOException e) {
        closeQuietly(channel);
        throw new UncheckedIOException("Could not lock data directory " + dir, e);
      }
    }
  }

  private static IllegalStateException inUse(Path dir, Object pid) {
    return new IllegalStateException("Data directory " + dir + " is already in use by another Polymart instance (pid "
        + pid + ")");
  }

  private static String readOwner(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(64);
      channel.read(buffer, 0);
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
      return text.isEmpty() ? "unknown" : text;
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Releases the lock. Idempotent. */
  @Override
  public void close() {
    synchronized (HELD) {
      if (closed) {
        return;
      }
      closed = true;
      HELD.remove(lockFile, this);
      try {
        if (lock.isValid()) {
          lock.release();
        }
      } catch (IOException ignored) {
        // closing the channel releases it anyway
      }
      closeQuietly(channel);
    }
  }

  @Override
  public String toString() {
    return "DataDirectoryLock[" + dataDir + "]";
  }
}
