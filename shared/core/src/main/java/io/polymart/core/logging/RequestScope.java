package io.polymart.core.logging;

import io.polymart.core.tracing.TraceContexts;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

/**
 * The request that the work on the current Vert.x context is for: its id (the gateway's {@code X-Request-Id}, carried
 * on the event bus as {@code x-request-id}) and its user, where known. Vert.x runs each HTTP request and each
 * event-bus message on a duplicated context of its own, which the callbacks of that work inherit; the scope lives
 * there, so every log line written for the request, on any verticle and in any callback, can say which request it
 * belongs to (the platform's log appender reads it). A base context (a verticle's own, timers, consumers) has none.
 * The trace id is taken when the scope is entered: Vert.x ends a request's span, and forgets it, once answered,
 * before the last lines about it (the access line) are written.
 */
public record RequestScope(String requestId, String userId, String traceId) {
  private static final String KEY = RequestScope.class.getName();

  /** The scope of the work running now on this thread, or null. */
  public static RequestScope current() {
    if (!(Vertx.currentContext() instanceof ContextInternal context) || !context.isDuplicate()) {
      return null;
    }
    return (RequestScope) context.localContextData().get(KEY);
  }

  /**
   * Marks the current request's or message's context as working for {@code requestId} and {@code userId} (either may
   * be null); does nothing without a request id or outside such a context.
   */
  public static void enter(String requestId, String userId) {
    Context current = Vertx.currentContext();
    if (requestId != null && current instanceof ContextInternal context && context.isDuplicate()) {
      context.localContextData().put(KEY, new RequestScope(requestId, userId, TraceContexts.traceId()));
    }
  }
}
