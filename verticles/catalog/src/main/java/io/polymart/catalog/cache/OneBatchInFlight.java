package io.polymart.catalog.cache;

import io.vertx.core.Future;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Work gathered into batches sent one at a time: what is added while a batch is in flight goes into the next, sent as
 * soon as that one has ended. Everything added is thus sent after it was added, and a hot path sends once per round
 * trip instead of once per call. A verticle instance adds from its event loop, tests from their own thread: the
 * batch being filled is guarded by this.
 *
 * @param <B> a batch: what {@code newBatch} makes, {@link #add} fills and {@code send} sends
 */
public final class OneBatchInFlight<B> {
  private final Supplier<B> newBatch;
  private final Function<B, Future<?>> send;
  private B next;
  private boolean sending;

  public OneBatchInFlight(Supplier<B> newBatch, Function<B, Future<?>> send) {
    this.newBatch = newBatch;
    this.send = send;
  }

  /** Applies {@code addition} to the batch being filled, which goes at once if none is in flight. */
  public <R> R add(Function<B, R> addition) {
    R added;
    B toSend;
    synchronized (this) {
      if (next == null) {
        next = newBatch.get();
      }
      added = addition.apply(next);
      toSend = sending ? null : takeNext();
    }
    if (toSend != null) {
      send(toSend);
    }
    return added;
  }

  private void send(B batch) {
    send.apply(batch).onComplete(done -> {
      B following;
      synchronized (this) {
        following = takeNext();
      }
      if (following != null) {
        send(following);
      }
    });
  }

  private B takeNext() {
    B taken = next;
    next = null;
    sending = taken != null;
    return taken;
  }
}
