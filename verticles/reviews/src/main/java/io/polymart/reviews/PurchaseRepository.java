package io.polymart.reviews;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The purchase projection in {@code review_purchases}: one document per buyer and product,
 * {@code {_id: "<userId>:<productId>", userId, productId, orders: {<orderId>: {status, skuIds, occurredAt, offset}}}}.
 * Every write is an atomic update of one document; an order's entry changes only for a newer event of that order.
 */
final class PurchaseRepository {
  static final String COLLECTION = "review_purchases";
  private final Vertx vertx;
  private final MongoCollection<Document> purchases;

  PurchaseRepository(Vertx vertx, MongoCollection<Document> purchases) {
    this.vertx = vertx;
    this.purchases = purchases;
  }

  /** The index {@link #byUser} reads by; creating an existing one changes nothing. */
  Future<Void> createIndexes() {
    return Publishers.first(vertx, purchases.createIndex(Indexes.ascending("userId"))).mapEmpty();
  }

  /**
   * Records the order's status and SKUs of one product, unless the entry already holds this event or a newer one of
   * the order. Completes with whether it changed the entry.
   */
  Future<Boolean> record(OrderChange change, UUID productId, List<UUID> skuIds) {
    String id = change.userId() + ":" + productId;
    String entry = "orders." + change.orderId();
    Date occurredAt = Date.from(change.version().occurredAt());
    long offset = change.version().offset();
    Bson olderOrAbsent = Filters.or(
        Filters.exists(entry, false),
        Filters.lt(entry + ".occurredAt", occurredAt),
        Filters.and(Filters.eq(entry + ".occurredAt", occurredAt), Filters.lt(entry + ".offset", offset)));
    Document order = new Document("status", change.status())
        .append("skuIds", skuIds.stream().map(UUID::toString).toList())
        .append("occurredAt", occurredAt)
        .append("offset", offset);
    return ensureDocument(id, change.userId(), productId)
        .compose(v -> Publishers.first(vertx, purchases.updateOne(Filters.and(Filters.eq("_id", id), olderOrAbsent),
            Updates.set(entry, order))))
        .map(result -> result.getModifiedCount() > 0);
  }

  /** The buyer's documents, by product id. */
  Future<List<Document>> byUser(UUID userId) {
    return Publishers.collect(vertx, purchases.find(Filters.eq("userId", userId.toString()))
        .sort(Sorts.ascending("productId")));
  }

  /** The buyer's document of one product, or null. */
  Future<Document> find(UUID userId, UUID productId) {
    return Publishers.collect(vertx, purchases.find(Filters.eq("_id", userId + ":" + productId)).limit(1))
        .map(found -> found.isEmpty() ? null : found.get(0));
  }

  private Future<Void> ensureDocument(String id, UUID userId, UUID productId) {
    Future<UpdateResult> upsert = Publishers.first(vertx, purchases.updateOne(Filters.eq("_id", id),
        Updates.combine(Updates.setOnInsert("userId", userId.toString()),
            Updates.setOnInsert("productId", productId.toString())),
        new UpdateOptions().upsert(true)));
    // two orders of one product, on two partitions, may create the document at once: the loser finds it there
    return upsert.<Void>mapEmpty()
        .recover(e -> isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }

  private static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
