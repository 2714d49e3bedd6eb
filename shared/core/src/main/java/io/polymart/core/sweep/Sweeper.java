package io.polymart.core.sweep;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Runs a sweep (release expired reservations, cancel unpaid orders, ...) every interval, one at a time, and again at
 * once when a sweep filled its batch, since more are then waiting. Every instance on every node may run one: the
 * sweep itself must take its rows with {@code FOR UPDATE SKIP LOCKED}.
 */
public final class Sweeper {
  private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
  private final Vertx vertx;
  private final String done;
  private final long intervalMillis;
  private final int batch;
  private final IntFunction<Future<Integer>> sweep;
  private long timer = -1;
  private boolean stopped;

  /**
   * @param done what a sweep did, for the log: "expired reservations released"
   * @param sweep handles up to its argument of items and answers how many it handled
   */
  public Sweeper(Vertx vertx, String done, long intervalMillis, int batch, IntFunction<Future<Integer>> sweep) {
    this.vertx = vertx;
    this.done = done;
    this.intervalMillis = intervalMillis;
    this.batch = batch;
    this.sweep = sweep;
  }

  public void start() {
    schedule(intervalMillis);
  }

  public void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  /** Handles {@code items} one after another; answers how many {@code handle} reported as handled. */
  public static <T> Future<Integer> oneByOne(List<T> items, Function<T, Future<Boolean>> handle) {
    Future<Integer> handled = Future.succeededFuture(0);
    for (T item : items) {
      handled = handled.compose(count -> handle.apply(item).map(ok -> ok ? count + 1 : count));
    }
    return handled;
  }

  private void schedule(long delay) {
    if (!stopped) {
      timer = vertx.setTimer(delay, t -> run());
    }
  }

  private void run() {
    sweep.apply(batch).onComplete(result -> {
      if (result.failed()) {
        LOG.warn("A sweep ({}) failed: {}", done, result.cause().toString());
        schedule(intervalMillis);
      } else {
        if (result.result() > 0) {
          LOG.info("{} {}", result.result(), done);
        }
        // a full batch: more are waiting, go again at once (Vert.x 5 refuses timers under 1 ms)
        schedule(result.result() == batch ? 1 : intervalMillis);
      }
    });
  }
}
