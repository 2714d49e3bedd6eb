package io.polymart.core.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

import java.util.function.Supplier;

/**
 * Sends a request again when it reached no handler: it was never handled, so sending it again is safe whatever it
 * asks. That happens while an instance leaves (run-time scaling drains it, see {@link BusServer#drain}) and while a
 * cluster's routing still names a node whose consumer has just gone. After a few short pauses, the failure stands.
 */
public final class UnhandledRequests {
  private static final long[] PAUSES_MILLIS = {5, 20, 100, 250, 500};

  private UnhandledRequests() {
  }

  /**
   * A request from one verticle to another (the gateway's forwards, the typed clients): to the callee's instance on
   * this event loop where there is one ({@link SameLoopAddresses}), else to {@code address}; sent again, to wherever
   * is nearest then, while it reaches no handler.
   */
  public static <T> Future<Message<T>> send(Vertx vertx, String address, Object body, DeliveryOptions options) {
    return send(vertx, () -> vertx.eventBus().request(SameLoopAddresses.nearest(vertx, address), body, options));
  }

  public static <T> Future<Message<T>> send(Vertx vertx, Supplier<Future<Message<T>>> request) {
    return attempt(vertx, request, 0);
  }

  private static <T> Future<Message<T>> attempt(Vertx vertx, Supplier<Future<Message<T>>> request, int resent) {
    return request.get().recover(failure -> {
      if (resent < PAUSES_MILLIS.length && failure instanceof ReplyException reply
          && reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return vertx.timer(PAUSES_MILLIS[resent]).compose(v -> attempt(vertx, request, resent + 1));
      }
      return Future.failedFuture(failure);
    });
  }
}
