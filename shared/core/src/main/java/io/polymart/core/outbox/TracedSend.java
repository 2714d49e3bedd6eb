package io.polymart.core.outbox;

import io.polymart.core.tracing.RemoteParentSpans;
import io.polymart.core.tracing.TraceContexts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.kafka.client.producer.RecordMetadata;

import java.util.List;

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

  static Future<RecordMetadata> send(Vertx vertx, KafkaProducer<String, String> producer,
      KafkaProducerRecord<String, String> record, String traceContext, String table) {
    if (traceContext == null) {
      return producer.send(record);
    }
    if (!RemoteParentSpans.tracing(vertx)) {
      record.addHeader(TraceContexts.TRACEPARENT, traceContext);
      return producer.send(record);
    }
    return RemoteParentSpans.around(vertx, List.of(new RemoteParentSpans.Parent<>(record, table + " relay",
        traceContext)), TAGS, () -> producer.send(record));
  }
}
