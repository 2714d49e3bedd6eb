package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.polymart.testing.HttpTestClient.Reply;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, tracing: one checkout is one trace, from the gateway's HTTP span through the event-bus hops to orders and
 * the catalog, their PostgreSQL and Redis calls, and, across Kafka (the outbox carries the trace context), the
 * handling of its OrderPlaced event by the reviews' consumer. The test platform exports to memory and samples only
 * requests that arrive with a sampled {@code traceparent}, as this one does.
 */
class TracingTest {

  @Test
  void oneCheckoutIsOneTraceFromTheGatewayToTheEventsConsumer() {
    Shop shop = new Shop();
    Shop.Sku sku = shop.stockedSku("11.00", 3);
    Shop.Buyer buyer = shop.buyer();
    String traceId = hex(16);

    Reply placed = shop.http.post(CatalogFixtures.API + "/orders").bearer(buyer.token())
        .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .json(Shop.items(sku, 1).put("addressId", buyer.addressId())).send();
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);

    List<Predicate<SpanData>> expected = List.of(
        span -> span.getKind() == SpanKind.SERVER && span.getName().contains("POST"),
        busRequest("orders.place"),
        busRequest("catalog.stock.reserve"),
        busRequest("users.addresses.get"),
        span -> "postgresql".equals(span.getAttributes().get(AttributeKey.stringKey("db.system"))),
        span -> "redis".equals(span.getAttributes().get(AttributeKey.stringKey("db.system"))),
        span -> span.getKind() == SpanKind.CONSUMER && span.getName().equals("orders.outbox relay"),
        TracingTest::publishesOrderEvents,
        span -> span.getKind() == SpanKind.CONSUMER
            && span.getName().equals("polymart.reviews process polymart.orders"),
        // a consumer that handles a partition's records together (BatchEventHandler)
        span -> span.getKind() == SpanKind.CONSUMER
            && span.getName().equals("polymart.recommendations process polymart.orders"));
    try {
      CatalogFixtures.await("the checkout's spans", Duration.ofSeconds(20),
          () -> expected.stream().allMatch(wanted -> trace(traceId).stream().anyMatch(wanted)));
    } catch (AssertionError timedOut) {
      throw new AssertionError("spans of the trace: " + trace(traceId).stream()
          .map(span -> span.getKind() + " " + span.getName() + " " + span.getAttributes()).toList(), timedOut);
    }
    assertThat(trace(traceId)).as("spans of other traces").allMatch(span -> span.getTraceId().equals(traceId));
    List<String> published = trace(traceId).stream().filter(TracingTest::publishesOrderEvents)
        .map(SpanData::getSpanId).toList();
    assertThat(trace(traceId)).as("the consumer's span is a child of a publishing span")
        .anyMatch(span -> span.getName().equals("polymart.reviews process polymart.orders")
            && published.contains(span.getParentSpanId()));
  }

  /** The Kafka client's span of a record sent to {@code polymart.orders}. */
  private static boolean publishesOrderEvents(SpanData span) {
    return span.getKind() == SpanKind.PRODUCER
        && "polymart.orders".equals(span.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")));
  }

  /** A verticle's handling of an event-bus request to {@code address}. */
  private static Predicate<SpanData> busRequest(String address) {
    return span -> span.getKind() == SpanKind.SERVER
        && address.equals(span.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")));
  }

  private static List<SpanData> trace(String traceId) {
    return TestPlatform.spans().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
