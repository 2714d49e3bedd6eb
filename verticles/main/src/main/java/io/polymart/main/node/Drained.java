package io.polymart.main.node;

import io.polymart.core.bus.BusServer;
import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.Future;

import java.time.Duration;

/**
 * A verticle instance that, when undeployed, first drains its event-bus servers ({@link BusServer#drain}): it stops
 * taking requests and answers those it is handling before its own stop closes its clients. Without it, an instance
 * removed at run time would fail the requests it was in the middle of.
 */
final class Drained implements Deployable {
  private final Deployable verticle;
  private final Duration limit;

  /** @param limit how long to wait for requests being handled, at most (the event bus's timeout) */
  Drained(Deployable verticle, Duration limit) {
    this.verticle = verticle;
    this.limit = limit;
  }

  @Override
  public Future<?> deploy(Context context) throws Exception {
    return verticle.deploy(context);
  }

  @Override
  public Future<?> undeploy(Context context) {
    return BusServer.drainAll(context, limit).transform(drained -> {
      try {
        return verticle.undeploy(context).mapEmpty();
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
    });
  }
}
