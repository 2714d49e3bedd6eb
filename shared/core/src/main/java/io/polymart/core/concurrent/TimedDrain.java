package io.polymart.core.concurrent;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A bounded lock-free queue that one thread drains at a fixed interval, taking everything queued since its last
 * round. Callers only append: they never wake a thread (a wake-up per item costs an event loop a system call), unless
 * they choose to wait for room. For work handed off by event loops that may be done a few milliseconds later in
 * batches: log lines, shoppers' activity events.
 */
public final class TimedDrain<T> {
  private static final long WAIT_FOR_ROOM_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;
  private final long intervalNanos;
  private volatile Thread drainer;
  private volatile boolean stopping;

  public TimedDrain(int capacity, long intervalMillis) {
    this.capacity = capacity;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
  }

  /** Appends the item; false, and nothing appended, when the queue is full or stopping (the caller counts the loss). */
  public boolean offer(T item) {
    if (stopping) {
      return false;
    }
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      return false;
    }
    items.offer(item);
    return true;
  }

  /** Appends the item, nothing dropped: while the queue is full, wakes the drainer and waits for room. */
  public void put(T item) {
    while (size.get() >= capacity && !stopping) {
      LockSupport.unpark(drainer);
      LockSupport.parkNanos(WAIT_FOR_ROOM_NANOS);
    }
    size.incrementAndGet();
    items.offer(item);
  }

  /**
   * The drainer's loop, run on its thread until {@link #stop}: every interval each queued item goes to {@code take},
   * in order, then {@code roundDone} runs; one last round after the stop.
   */
  public void drainUntilStopped(Consumer<T> take, Runnable roundDone) {
    drainer = Thread.currentThread();
    while (!stopping) {
      round(take, roundDone);
      LockSupport.parkNanos(intervalNanos);
    }
    round(take, roundDone);
  }

  /** Ends {@link #drainUntilStopped} after its last round; {@link #offer} refuses from now on. */
  public void stop() {
    stopping = true;
    LockSupport.unpark(drainer);
  }

  public boolean stopping() {
    return stopping;
  }

  private void round(Consumer<T> take, Runnable roundDone) {
    T item;
    int taken = 0;
    while ((item = items.poll()) != null) {
      // the size is given back every 64 items, not per item: the callers that append share its cache line
      if (++taken == 64) {
        size.addAndGet(-taken);
        taken = 0;
      }
      take.accept(item);
    }
    size.addAndGet(-taken);
    roundDone.run();
  }
}
