package io.polymart.core.bus;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * Where a request goes first: to an instance of the addressed verticle on the caller's own event loop, when this
 * Vert.x instance has one, so that the request and its answer are handled without leaving the thread (no hand-off
 * to another event loop's queue, no wake-up). Otherwise, or when the caller is not on an event loop, to the address
 * itself, which the event bus balances over every instance on every node.
 *
 * <p>{@link BusServer} binds each handler also at its same-loop address, a local consumer (never cluster-wide), and
 * lists it here while it is registered; a drained server unlists it before it unregisters. Every instance of a
 * verticle still takes the requests sent to the address itself (from other loops and other nodes).
 */
public final class SameLoopAddresses {
  /** The Vert.x-local map of same-loop addresses bound, with how many servers bound each (instances on one loop). */
  private static final String BOUND = "polymart.bus.same-loop-addresses";
  private static final char SEPARATOR = '@';

  private SameLoopAddresses() {
  }

  /** The address that reaches {@code address}'s handlers on the calling event loop; null off an event loop. */
  static String of(String address) {
    return Context.isOnEventLoopThread() ? address + SEPARATOR + Thread.currentThread().getName() : null;
  }

  /** The address a same-loop address stands for (for metrics and traces); any other address as it is. */
  public static String addressOf(String address) {
    int separator = address.indexOf(SEPARATOR);
    return separator > 0 ? address.substring(0, separator) : address;
  }

  /** The same-loop address of {@code address} where a handler is bound on the calling event loop, else itself. */
  public static String nearest(Vertx vertx, String address) {
    String sameLoop = of(address);
    return sameLoop != null && bound(vertx).containsKey(sameLoop) ? sameLoop : address;
  }

  static void listed(Vertx vertx, String sameLoop) {
    bound(vertx).merge(sameLoop, 1, Integer::sum);
  }

  static void unlisted(Vertx vertx, String sameLoop) {
    bound(vertx).computeIfPresent(sameLoop, (address, servers) -> servers > 1 ? servers - 1 : null);
  }

  private static LocalMap<String, Integer> bound(Vertx vertx) {
    return vertx.sharedData().getLocalMap(BOUND);
  }
}
