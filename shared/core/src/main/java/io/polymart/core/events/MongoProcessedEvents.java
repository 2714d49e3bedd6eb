package io.polymart.core.events;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Date;
import org.bson.Document;

/**
 * {@link ProcessedEvents} in the MongoDB collection {@code <prefix>_processed_events}: one document per group and
 * event, {@code _id = "<group>:<eventId>"} (unique by construction: an event id is a UUID), written by one atomic
 * upsert. It keeps one small document per event for good: a replay of the topic from the beginning must still find
 * them. Runs the same on MongoDB and on the embedded mongo-java-server (no transactions, no TTL, no index to create).
 * <p>
 * Marks written before 2026-12-06 have the document {@code {group, eventId}} as their {@code _id}, and still count.
 * A string is the cheaper key: the embedded server's store compares such documents by serialising both, on every
 * lookup and every page its compaction moves (measured in the README's Performance section).
 */
public final class MongoProcessedEvents implements ProcessedEvents {

  public static final String COLLECTION_SUFFIX = "processed_events";

  private final Vertx vertx;
  private final MongoCollection<Document> collection;

  /** @param prefix the verticle's name, e.g. {@code reviews} for {@code reviews_processed_events} */
  public MongoProcessedEvents(Vertx vertx, MongoDatabase database, String prefix) {
    this.vertx = vertx;
    this.collection = database.getCollection(MongoCollectionNames.of(prefix, COLLECTION_SUFFIX));
  }

  @Override
  public Future<Boolean> isProcessed(String group, String eventId) {
    return Publishers.first(vertx, collection.find(Filters.in("_id", key(group, eventId), legacyKey(group, eventId)))
            .first())
        .map(document -> document != null);
  }

  @Override
  public Future<Void> markProcessed(String group, DomainEvent event) {
    return Publishers.first(vertx, collection.updateOne(Filters.eq("_id", key(group, event.id())),
            Updates.combine(
                Updates.setOnInsert("group", group),
                Updates.setOnInsert("eventId", event.id()),
                Updates.setOnInsert("type", event.type()),
                Updates.setOnInsert("topic", event.topic()),
                Updates.setOnInsert("partition", event.partition()),
                Updates.setOnInsert("offset", event.offset()),
                Updates.setOnInsert("processedAt", new Date())),
            new UpdateOptions().upsert(true)))
        .<Void>mapEmpty()
        // two upserts of one new _id at once: one inserts, the other may fail on the key, and that is what we want
        .recover(e -> isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }

  private static String key(String group, String eventId) {
    return group + ":" + eventId;
  }

  private static Document legacyKey(String group, String eventId) {
    return new Document("group", group).append("eventId", eventId);
  }

  private static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
