package io.polymart.core.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
