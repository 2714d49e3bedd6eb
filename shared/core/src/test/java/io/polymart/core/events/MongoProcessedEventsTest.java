package io.polymart.core.events;

import static io.polymart.core.events.EventBackends.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The processed-event marks in MongoDB: one per group and event, under a string id; older marks still count. */
class MongoProcessedEventsTest {
  private static final String PREFIX = "markstest";
  private final MongoProcessedEvents processed =
      new MongoProcessedEvents(EventBackends.vertx(), EventBackends.database(), PREFIX);
  private final MongoCollection<Document> marks = EventBackends.database()
      .getCollection(MongoCollectionNames.of(PREFIX, MongoProcessedEvents.COLLECTION_SUFFIX));

  @Test
  void anEventIsMarkedOncePerGroupUnderAStringId() {
    String id = UUID.randomUUID().toString();
    DomainEvent event = new DomainEvent("OrderPlaced", id, Instant.now(), "order-1", new JsonObject(),
        "polymart.orders", 3, 7);
    assertThat(await(processed.isProcessed("group-1", id))).isFalse();

    await(processed.markProcessed("group-1", event));
    await(processed.markProcessed("group-1", event));

    assertThat(await(processed.isProcessed("group-1", id))).isTrue();
    assertThat(await(processed.isProcessed("group-2", id))).isFalse();
    assertThat(await(Publishers.collect(EventBackends.vertx(), marks.find(Filters.eq("eventId", id)))))
        .singleElement().satisfies(mark -> {
          assertThat(mark.get("_id")).isEqualTo("group-1:" + id);
          assertThat(mark.getString("group")).isEqualTo("group-1");
          assertThat(mark.getString("type")).isEqualTo("OrderPlaced");
          assertThat(mark.get("offset")).isEqualTo(7L);
        });
  }

  @Test
  void aMarkWrittenBeforeUnderTheDocumentIdStillCounts() {
    String id = UUID.randomUUID().toString();
    await(Publishers.first(EventBackends.vertx(), marks.insertOne(new Document("_id",
        new Document("group", "group-1").append("eventId", id)).append("type", "OrderPlaced"))));

    assertThat(await(processed.isProcessed("group-1", id))).isTrue();
    assertThat(await(processed.isProcessed("group-2", id))).isFalse();
  }
}
