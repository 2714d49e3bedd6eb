package io.polymart.backends;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts a backend's server process when it dies (kill -9, a crash, the OOM killer) until {@link #stop()}: WARN when
 * it died, INFO when it is back and how long that took; failed attempts are retried with a growing pause (up to 5 s).
 *
 * <p>One daemon thread polls every 100 ms whether the process still runs. {@link ProcessHandle#onExit()} would not
 * do: the postmaster is not our child (pg_ctl detaches it), so it is polled only every 300 ms to 5 s, and when nobody
 * reaps it (a container's init may not) it stays a zombie that onExit takes for alive.
 *
 * <p>Nothing is restarted once the JVM shuts down: Ctrl-C in a terminal sends SIGINT to redis-server too (it is in the
 * JVM's process group), and it exits before the shutdown hooks get to close it.
 */
final class ProcessSupervisor {

  /** Starts the server again on the same port and data; returns its new process, or throws if it did not start. */
  interface Restart {
    ProcessHandle restart(ProcessHandle dead) throws Exception;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);
  private static final long POLL_MILLIS = 100;
  private static final long FIRST_RETRY_MILLIS = 200;
  private static final long MAX_RETRY_MILLIS = 5_000;
  private static volatile boolean jvmShuttingDown;

  static {
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> jvmShuttingDown = true, "polymart-supervise-shutdown"));
    } catch (IllegalStateException e) {
      jvmShuttingDown = true;
    }
  }

  private final String name;
  private final Restart restart;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private volatile ProcessHandle process;

  private ProcessSupervisor(String name, ProcessHandle process, Restart restart) {
    this.name = name;
    this.process = process;
    this.restart = restart;
    this.thread = Support.daemon("polymart-supervise-" + name.replace(' ', '-'), this::watch);
  }

  /** Watches {@code process}, described in the logs as {@code name} (e.g. "Redis on 127.0.0.1:6379"). */
  static ProcessSupervisor watch(String name, ProcessHandle process, Restart restart) {
    ProcessSupervisor supervisor = new ProcessSupervisor(name, process, restart);
    supervisor.thread.start();
    return supervisor;
  }

  /**
   * Ends the supervision; returns once no restart is under way any more (one that was, completes first), so that
   * the caller can stop the server without it being started again.
   */
  void stop() {
    stopped.countDown();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void watch() {
    while (!pause(POLL_MILLIS)) {
      ProcessHandle watched = process;
      if (!Support.isRunning(watched)) {
        if (jvmShuttingDown) {
          LOG.debug("{} (pid {}) exited while the JVM shuts down", name, watched.pid());
          return;
        }
        restartAfterDeath(watched);
      }
    }
  }

  private void restartAfterDeath(ProcessHandle dead) {
    long startNanos = System.nanoTime();
    LOG.warn("{} (pid {}) died; restarting it on the same port and data", name, dead.pid());
    long retryMillis = FIRST_RETRY_MILLIS;
    for (int attempt = 1; !isStopped() && !jvmShuttingDown; attempt++) {
      try {
        ProcessHandle restarted = restart.restart(dead);
        process = restarted;
        LOG.info("{} is back after {} ms (pid {}, attempt {})", name, (System.nanoTime() - startNanos) / 1_000_000,
            restarted.pid(), attempt);
        return;
      } catch (Exception e) {
        LOG.warn("{} did not restart (attempt {}), retrying in {} ms: {}", name, attempt, retryMillis,
            e.getMessage());
        LOG.debug("{} restart failure", name, e);
      }
      if (pause(retryMillis)) {
        return;
      }
      retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
    }
  }

  /** Waits that long or until stopped; whether it is stopped. */
  private boolean pause(long millis) {
    try {
      return stopped.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private boolean isStopped() {
    return stopped.getCount() == 0;
  }
}
