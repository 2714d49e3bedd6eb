package io.polymart.core.outbox;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The relays of one outbox table on one node (every instance of the verticle has one) take turns: while one runs a
 * round, another that is woken up leaves it to that one, which runs one more round after it ({@link #release}). Across
 * nodes the advisory lock still decides; within a node, without turns, each instance's relay woken by its own commits
 * tried the lock, and under checkout load most found it held: a transaction for nothing, about half a try per order.
 *
 * <p>A turn held for longer than {@link #MAX_HOLD_NANOS} (a round stuck beyond its send timeout) may be taken over, so
 * one stuck relay does not keep its siblings from publishing.
 */
final class RelayTurn implements Shareable {
  static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final String TURNS = "polymart.outbox.relay-turns";

  /** A relay's hold of the turn, since when; each is its own (compared by identity). */
  static final class Held {
    private final long sinceNanos;

    private Held(long sinceNanos) {
      this.sinceNanos = sinceNanos;
    }
  }

  private final long maxHoldNanos;
  private final AtomicReference<Held> holder = new AtomicReference<>();
  private final AtomicBoolean wanted = new AtomicBoolean();

  RelayTurn(long maxHoldNanos) {
    this.maxHoldNanos = maxHoldNanos;
  }

  /** The turn of {@code table}'s relays on this Vert.x instance. */
  static RelayTurn of(Vertx vertx, String table) {
    RelayTurn created = new RelayTurn(MAX_HOLD_NANOS);
    RelayTurn existing = vertx.sharedData().<String, RelayTurn>getLocalMap(TURNS).putIfAbsent(table, created);
    return existing == null ? created : existing;
  }

  /**
   * Takes the turn, or returns null when another relay holds it; that one then runs another round, which sees whatever
   * was committed before this call.
   */
  Held take() {
    wanted.set(true);
    Held current = holder.get();
    long now = System.nanoTime();
    if (current != null && now - current.sinceNanos < maxHoldNanos) {
      return null;
    }
    Held mine = new Held(now);
    if (!holder.compareAndSet(current, mine)) {
      return null;
    }
    // the round about to run reads after this: it covers every wake-up so far
    wanted.set(false);
    return mine;
  }

  /** Gives the turn back; true when another relay was woken up meanwhile, so another round is due. */
  boolean release(Held held) {
    holder.compareAndSet(held, null);
    return wanted.get();
  }
}
