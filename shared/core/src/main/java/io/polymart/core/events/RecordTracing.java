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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Joins a record's handling to the trace that wrote its event: a record that carries a {@code traceparent} header
 * (the Kafka client's producer span, under the writer's: see the outbox relay) is handled on a Vert.x context of its own, in a consumer span that is a
 * child of the writer's, so the handler's database calls and event-bus requests are part of the same trace. Records
 * without one, or a node without tracing, are handled as they are. Records handled together each get their span.
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

  static <T> Future<T> traced(Vertx vertx, String group, ConsumerRecord<String, String> record,
      Supplier<Future<T>> handling) {
    return tracedBatch(vertx, group, List.of(record), handling);
  }

  /**
   * As {@link #traced}, for records handled together (a {@link BatchEventHandler}): each record that carries a
   * {@code traceparent} gets its consumer span in its own trace, open while the batch is handled; the handling runs in
   * the first one's, so the batch's own calls show in that trace only (a span has one parent).
   */
  @SuppressWarnings("unchecked")
  static <T> Future<T> tracedBatch(Vertx vertx, String group, List<ConsumerRecord<String, String>> records,
      Supplier<Future<T>> handling) {
    VertxTracer<Object, Object> tracer = (VertxTracer<Object, Object>) ((VertxInternal) vertx).tracer();
    List<ConsumerRecord<String, String>> traced = tracer == null ? List.of()
        : records.stream().filter(record -> record.headers().lastHeader(TraceContexts.TRACEPARENT) != null).toList();
    if (traced.isEmpty()) {
      return handling.get();
    }
    ContextInternal base = (ContextInternal) vertx.getOrCreateContext();
    List<ContextInternal> contexts = traced.stream().map(record -> base.duplicate()).toList();
    ContextInternal handlingContext = contexts.get(0);
    PromiseInternal<T> done = handlingContext.promise();
    handlingContext.dispatch(v -> {
      List<Object> spans = new ArrayList<>(traced.size());
      for (int i = 0; i < traced.size(); i++) {
        spans.add(consumerSpan(tracer, contexts.get(i), group, traced.get(i)));
      }
      Future<T> handled;
      try {
        handled = handling.get();
      } catch (RuntimeException e) {
        handled = Future.failedFuture(e);
      }
      handled.onComplete(result -> {
        for (int i = 0; i < spans.size(); i++) {
          tracer.sendResponse(contexts.get(i), null, spans.get(i), result.failed() ? result.cause() : null,
              TagExtractor.empty());
        }
        done.handle(result);
      });
    });
    return done.future();
  }

  private static Object consumerSpan(VertxTracer<Object, Object> tracer, ContextInternal context, String group,
      ConsumerRecord<String, String> record) {
    Header traceparent = record.headers().lastHeader(TraceContexts.TRACEPARENT);
    return tracer.receiveRequest(context, SpanKind.MESSAGING, TracingPolicy.PROPAGATE, record,
        group + " process " + record.topic(),
        List.of(Map.entry(TraceContexts.TRACEPARENT, new String(traceparent.value(), StandardCharsets.UTF_8))), TAGS);
  }
}
