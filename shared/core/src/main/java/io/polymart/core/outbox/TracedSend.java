package io.polymart.core.outbox;

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
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.kafka.client.producer.RecordMetadata;

import java.util.List;
import java.util.Map;

/**
 * Sends a relayed record inside the trace of the change that wrote its event: under the writer's span (the outbox's
 * {@code trace_context}), a span for the relay's pick-up ({@code <table> relay}), ended when Kafka acknowledged the
 * record. With that span current, the Vert.x Kafka client makes its producer span ({@code kafka_send}) and puts its
 * {@code traceparent} on the record, so the consumer's span is the producer's child. Without a tracer, the record
 * carries the writer's context as it is; a change that was not traced sends none.
 */
final class TracedSend {
  private static final TagExtractor<KafkaProducerRecord<String, String>> TAGS = new TagExtractor<>() {
    @Override
    public int len(KafkaProducerRecord<String, String> record) {
      return 2;
    }

    @Override
    public String name(KafkaProducerRecord<String, String> record, int index) {
      return index == 0 ? "messaging.system" : "messaging.destination.name";
    }

    @Override
    public String value(KafkaProducerRecord<String, String> record, int index) {
      return index == 0 ? "kafka" : record.topic();
    }
  };

  private TracedSend() {
  }

  @SuppressWarnings("unchecked")
  static Future<RecordMetadata> send(Vertx vertx, KafkaProducer<String, String> producer,
      KafkaProducerRecord<String, String> record, String traceContext, String table) {
    VertxTracer<Object, Object> tracer = (VertxTracer<Object, Object>) ((VertxInternal) vertx).tracer();
    if (traceContext == null || tracer == null) {
      if (traceContext != null) {
        record.addHeader(TraceContexts.TRACEPARENT, traceContext);
      }
      return producer.send(record);
    }
    ContextInternal context = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
    PromiseInternal<RecordMetadata> sent = context.promise();
    context.dispatch(v -> {
      try {
        sendTraced(tracer, context, producer, record, traceContext, table, sent);
      } catch (RuntimeException e) {
        sent.tryFail(e);
      }
    });
    return sent.future();
  }

  private static void sendTraced(VertxTracer<Object, Object> tracer, ContextInternal context,
      KafkaProducer<String, String> producer, KafkaProducerRecord<String, String> record, String traceContext,
      String table, PromiseInternal<RecordMetadata> sent) {
    Object relaySpan = tracer.receiveRequest(context, SpanKind.MESSAGING, TracingPolicy.PROPAGATE, record,
        table + " relay", List.of(Map.entry(TraceContexts.TRACEPARENT, traceContext)), TAGS);
    producer.send(record).onComplete(result -> {
      tracer.sendResponse(context, null, relaySpan, result.failed() ? result.cause() : null, TagExtractor.empty());
      sent.handle(result);
    });
  }
}
