package io.polymart.core.events;

import static io.polymart.core.events.EventBackends.await;
import static io.polymart.core.events.EventBackends.awaitCondition;
import static io.polymart.core.events.EventBackends.event;
import static io.polymart.core.events.EventBackends.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.polymart.core.mongo.MongoClients;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The idempotency store unreachable: records wait, none is skipped, and they are handled once it is back. */
class EventConsumerStoreOutageTest {

  @Test
  void recordsWaitForTheStoreInsteadOfBeingSkipped() {
    int port = freePort();
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", port);
    MongoClient client = MongoClients.create(new JsonObject().put("mongo", new JsonObject()
        .put("url", "mongodb://127.0.0.1:" + port)));
    server.shutdownNow();  // down before the consumer first asks it

    String topic = EventBackends.createTopic("outage", 1);
    String group = "polymart.events-test-outage-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject first = event("Counted", "agg", new JsonObject().put("seq", 0));
    JsonObject second = event("Counted", "agg", new JsonObject().put("seq", 1));
    send(topic, first);
    send(topic, second);
    RecordingHandler handler = new RecordingHandler();
    EventConsumer consumer = new EventConsumer(EventBackends.vertx(),
        EventConsumerSettings.of(EventBackends.bootstrapServers(), group, topic), handler,
        new MongoProcessedEvents(EventBackends.vertx(), client.getDatabase("outage"), "outage"),
        new MongoParkedEvents(EventBackends.vertx(), EventBackends.database(), "outage"));
    MongoServer restarted = null;
    try {
      await(consumer.start());
      awaitCondition("a failed look-up", () -> consumer.storeFailures() >= 1);
      assertThat(handler.totalCalls()).isZero();
      assertThat(EventBackends.committed(group)).isEmpty();

      restarted = new MongoServer(new MemoryBackend());
      restarted.bind("127.0.0.1", port);
      awaitCondition("both events", () -> handler.handled().size() == 2);
      assertThat(handler.handledIds()).containsExactly(first.getString("id"), second.getString("id"));
      assertThat(handler.totalCalls()).isEqualTo(2);
      assertThat(consumer.parked()).isZero();
      awaitCondition("the commit", () -> {
        var offset = EventBackends.committed(group).get(new TopicPartition(topic, 0));
        return offset != null && offset.offset() == 2;
      });
    } finally {
      await(consumer.close());
      client.close();
      if (restarted != null) {
        restarted.shutdownNow();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
