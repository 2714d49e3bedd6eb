package io.polymart.core.tracing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Work done for messages that carry the trace context of whoever wrote them (a Kafka record's header, an outbox
 * row's {@code trace_context}): each message gets a messaging span, a child of its {@code traceparent}, open while the
 * work runs; the work runs on a Vert.x context of its own in the first one's trace, so its database calls and
 * event-bus requests are part of it (a span has one parent: with several messages, only the first trace shows them).
 */
public final class RemoteParentSpans {

  /** One message's span: {@code name}, under {@code traceparent}. */
  public record Parent<R>(R message, String name, String traceparent) {
  }

  private RemoteParentSpans() {
  }

  /** Whether this Vert.x traces at all. */
  public static boolean tracing(Vertx vertx) {
    return ((VertxInternal) vertx).tracer() != null;
  }

  /** Runs {@code work} inside the spans of {@code parents}; without a tracer or parents, runs it as it is. */
  @SuppressWarnings("unchecked")
  public static <R, T> Future<T> around(Vertx vertx, List<Parent<R>> parents, TagExtractor<R> tags,
      Supplier<Future<T>> work) {
    VertxTracer<Object, Object> tracer = (VertxTracer<Object, Object>) ((VertxInternal) vertx).tracer();
    if (tracer == null || parents.isEmpty()) {
      return work.get();
    }
    ContextInternal base = (ContextInternal) vertx.getOrCreateContext();
    List<ContextInternal> contexts = parents.stream().map(parent -> base.duplicate()).toList();
    ContextInternal working = contexts.get(0);
    PromiseInternal<T> done = working.promise();
    working.dispatch(v -> {
      List<Object> spans = new ArrayList<>(parents.size());
      for (int i = 0; i < parents.size(); i++) {
        Parent<R> parent = parents.get(i);
        spans.add(tracer.receiveRequest(contexts.get(i), SpanKind.MESSAGING, TracingPolicy.PROPAGATE,
            parent.message(), parent.name(), List.of(Map.entry(TraceContexts.TRACEPARENT, parent.traceparent())),
            tags));
      }
      Future<T> result;
      try {
        result = work.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(outcome -> {
        for (int i = 0; i < spans.size(); i++) {
          tracer.sendResponse(contexts.get(i), null, spans.get(i), outcome.failed() ? outcome.cause() : null,
              TagExtractor.empty());
        }
        done.handle(outcome);
      });
    });
    return done.future();
  }
}
