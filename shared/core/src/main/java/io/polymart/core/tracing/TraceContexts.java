package io.polymart.core.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The trace the current work belongs to, when the node traces (the OpenTelemetry context of a request lives on its
 * Vert.x context): as a W3C {@code traceparent} to carry it where Vert.x does not (an outbox row, then a Kafka
 * header), and its trace id for log lines.
 */
public final class TraceContexts {
  public static final String TRACEPARENT = "traceparent";

  private TraceContexts() {
  }

  /** The current span's {@code traceparent}, or null outside a traced span. */
  public static String traceparent() {
    Context current = current();
    if (current == null || !Span.fromContext(current).getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>(2);
    W3CTraceContextPropagator.getInstance().inject(current, carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /** The current trace's id, or null outside a traced span. */
  public static String traceId() {
    Context current = current();
    SpanContext span = current == null ? SpanContext.getInvalid() : Span.fromContext(current).getSpanContext();
    return span.isValid() ? span.getTraceId() : null;
  }

  private static Context current() {
    try {
      return Context.current();
    } catch (RuntimeException noStorageHere) {
      // on a thread of a Vert.x instance created before the tracing's context storage was registered
      return null;
    }
  }
}
