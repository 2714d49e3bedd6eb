package io.polymart.core.events;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * {@link ParkedEvents} in the MongoDB collection {@code <prefix>_parked_events}, one document per parked record,
 * {@code _id = {group, topic, partition, offset}}: the raw key and value, the event id and type when readable, the
 * error, the attempts and when. Inspect with {@code db.<prefix>_parked_events.find()} or {@link #list}.
 */
public final class MongoParkedEvents implements ParkedEvents {

  public static final String COLLECTION_SUFFIX = "parked_events";

  private final Vertx vertx;
  private final MongoCollection<Document> collection;

  /** @param prefix the verticle's name, e.g. {@code reviews} for {@code reviews_parked_events} */
  public MongoParkedEvents(Vertx vertx, MongoDatabase database, String prefix) {
    this.vertx = vertx;
    this.collection = database.getCollection(MongoCollectionNames.of(prefix, COLLECTION_SUFFIX));
  }

  @Override
  public Future<Void> park(ParkedEvent event) {
    Document id = key(event.group(), event.topic(), event.partition(), event.offset());
    Document document = new Document("_id", id)
        .append("group", event.group())
        .append("topic", event.topic())
        .append("partition", event.partition())
        .append("offset", event.offset())
        .append("key", event.key())
        .append("value", event.value())
        .append("eventId", event.eventId())
        .append("type", event.type())
        .append("error", event.error())
        .append("attempts", event.attempts())
        .append("parkedAt", Date.from(event.parkedAt()));
    return Publishers.first(vertx, collection.replaceOne(Filters.eq("_id", id), document,
        new ReplaceOptions().upsert(true))).mapEmpty();
  }

  /** The records a group parked, oldest first. */
  public Future<List<ParkedEvent>> list(String group, int limit) {
    return Publishers.collect(vertx, collection.find(Filters.eq("group", group)).sort(Sorts.ascending("parkedAt"))
            .limit(limit))
        .map(documents -> documents.stream().map(MongoParkedEvents::fromDocument).toList());
  }

  private static ParkedEvent fromDocument(Document d) {
    return new ParkedEvent(d.getString("group"), d.getString("topic"), d.getInteger("partition"),
        d.getLong("offset"), d.getString("key"), d.getString("value"), d.getString("eventId"), d.getString("type"),
        d.getString("error"), d.getInteger("attempts"), d.getDate("parkedAt").toInstant());
  }

  private static Document key(String group, String topic, int partition, long offset) {
    return new Document("group", group).append("topic", topic).append("partition", partition)
        .append("offset", offset);
  }
}
