package io.polymart.core.events;

import io.polymart.core.tracing.TraceContexts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Joins a record's handling to the trace that wrote its event: a record that carries a {@code traceparent} header
 * (the outbox relay copies the writer's) is handled on a Vert.x context of its own, in a consumer span that is a
 * child of the writer's, so the handler's database calls and event-bus requests are part of the same trace. Records
 * without one, or a node without tracing, are handled as they are.
 */
final class RecordTracing {
  private static final TagExtractor<ConsumerRecord<String, String>> TAGS = new TagExtractor<>() {
    @Override
    public int len(ConsumerRecord<String, String> record) {
      return 3;
    }

    @Override
    public String name(ConsumerRecord<String, String> record, int index) {
      return switch (index) {
        case 0 -> "messaging.system";
        case 1 -> "messaging.destination.name";
        default -> "messaging.kafka.destination.partition";
      };
    }

    @Override
    public String value(ConsumerRecord<String, String> record, int index) {
      return switch (index) {
        case 0 -> "kafka";
        case 1 -> record.topic();
        default -> Integer.toString(record.partition());
      };
    }
  };

  private RecordTracing() {
  }

  @SuppressWarnings("unchecked")
  static <T> Future<T> traced(Vertx vertx, String group, ConsumerRecord<String, String> record,
      Supplier<Future<T>> handling) {
    VertxTracer<Object, Object> tracer = (VertxTracer<Object, Object>) ((VertxInternal) vertx).tracer();
    Header traceparent = record.headers().lastHeader(TraceContexts.TRACEPARENT);
    if (tracer == null || traceparent == null) {
      return handling.get();
    }
    ContextInternal context = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
    PromiseInternal<T> done = context.promise();
    context.dispatch(v -> {
      Object span = tracer.receiveRequest(context, SpanKind.MESSAGING, TracingPolicy.PROPAGATE, record,
          group + " process " + record.topic(),
          List.of(Map.entry(TraceContexts.TRACEPARENT, new String(traceparent.value(), StandardCharsets.UTF_8))),
          TAGS);
      Future<T> handled;
      try {
        handled = handling.get();
      } catch (RuntimeException e) {
        handled = Future.failedFuture(e);
      }
      handled.onComplete(result -> {
        tracer.sendResponse(context, null, span, result.failed() ? result.cause() : null, TagExtractor.empty());
        done.handle(result);
      });
    });
    return done.future();
  }
}
