package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

  @TempDir
  Path tmp;

  @Test
  void secondAcquireInTheSameJvmFailsClearly() {
    Path dir = tmp.resolve("data");
    try (DataDirectoryLock lock = DataDirectoryLock.acquire(dir)) {
      assertThat(dir.resolve(".polymart.lock")).content().contains(Long.toString(ProcessHandle.current().pid()));
      assertThatThrownBy(() -> DataDirectoryLock.acquire(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Data directory " + dir.toAbsolutePath() + " is already in use by another Polymart instance (pid "
              + ProcessHandle.current().pid() + ")");
      // the failed attempt must not have dropped the lock held by the first one
      assertThatThrownBy(() -> DataDirectoryLock.acquire(tmp.resolve("data/../data")))
          .isInstanceOf(IllegalStateException.class);
    }
    // released: can be taken again
    DataDirectoryLock.acquire(dir).close();
  }

  @Test
  void anotherProcessHoldingTheLockIsReportedWithItsPid() throws Exception {
    Path dir = tmp.resolve("shared");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LockHolder.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("LOCKED");
      assertThatThrownBy(() -> DataDirectoryLock.acquire(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Data directory " + dir + " is already in use by another Polymart instance (pid "
              + child.pid() + ")");
      // our failed attempt must not have broken the child's lock
      assertThatThrownBy(() -> DataDirectoryLock.acquire(dir)).hasMessageContaining("pid " + child.pid());
    } finally {
      child.getOutputStream().close(); // the holder exits when its stdin closes
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    try (DataDirectoryLock lock = DataDirectoryLock.acquire(dir)) {
      assertThat(Files.readString(dir.resolve(".polymart.lock")).trim())
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));
      assertThat(lock.dataDir()).isEqualTo(dir);
    }
  }

  @Test
  void createsTheDirectory() {
    Path dir = tmp.resolve("a/b/c");
    try (DataDirectoryLock lock = DataDirectoryLock.acquire(dir)) {
      assertThat(dir).isDirectory();
      lock.close();
      lock.close(); // idempotent
    }
    assertThat(List.of(dir.resolve(".polymart.lock"))).allMatch(Files::exists);
  }

  /** Child process: takes the lock, prints LOCKED, holds it until stdin closes. */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      try (DataDirectoryLock lock = DataDirectoryLock.acquire(Path.of(args[0]))) {
        System.out.println("LOCKED");
        System.out.flush();
        while (System.in.read() != -1) {
          // wait
        }
      }
    }
  }
}
