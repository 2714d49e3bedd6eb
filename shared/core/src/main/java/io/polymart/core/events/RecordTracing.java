package io.polymart.core.events;

import io.polymart.core.tracing.RemoteParentSpans;
import io.polymart.core.tracing.TraceContexts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.spi.tracing.TagExtractor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Joins a record's handling to the trace that wrote its event: a record that carries a {@code traceparent} header
 * (the Kafka client's producer span, under the writer's: see the outbox relay) is handled in a consumer span
 * ({@code <group> process <topic>}) that is its child ({@link RemoteParentSpans}), so the handler's database calls and
 * event-bus requests are part of the same trace. Records without one, or a node without tracing, are handled as they
 * are. Records handled together each get their span.
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
  static <T> Future<T> tracedBatch(Vertx vertx, String group, List<ConsumerRecord<String, String>> records,
      Supplier<Future<T>> handling) {
    List<RemoteParentSpans.Parent<ConsumerRecord<String, String>>> parents = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      Header traceparent = record.headers().lastHeader(TraceContexts.TRACEPARENT);
      if (traceparent != null) {
        parents.add(new RemoteParentSpans.Parent<>(record, group + " process " + record.topic(),
            new String(traceparent.value(), StandardCharsets.UTF_8)));
      }
    }
    return RemoteParentSpans.around(vertx, parents, TAGS, handling);
  }
}
