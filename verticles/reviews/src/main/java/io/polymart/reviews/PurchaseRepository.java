package io.polymart.reviews;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The purchase projection, in two collections whose documents stay small however often a buyer orders a product:
 * <ul>
 *   <li>{@code review_purchase_orders}, one document per order that had an event after OrderPlaced, {@code {_id:
 *       orderId, userId, status, occurredAt, offset, products: {<productId>: [skuIds]}, eventIds}}: changed only by an
 *       event of the order at least as new as the one it holds and not taken before;
 *   <li>{@code review_purchases}, one per buyer and product, {@code {_id: "<userId>:<productId>", userId, productId,
 *       qualifying: {<orderId>: [skuIds]}}}: the buyer's orders of the product whose status qualifies for a review.
 * </ul>
 * Every write is an atomic update of one document. Earlier builds kept every order in the buyer's document of the
 * product ({@code orders}), which grew with each order and was rewritten whole by each event; {@link LegacyPurchases}
 * moves such documents to this shape.
 */
final class PurchaseRepository {
  static final String COLLECTION = "review_purchases";
  static final String ORDERS_COLLECTION = "review_purchase_orders";
  /** The ids of the events an order's document took: a copy of one of them changes nothing. */
  private static final String EVENT_IDS = "eventIds";
  private static final FindOneAndUpdateOptions RETURN_AFTER =
      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
  /** A batch's writes are of distinct documents: one that fails leaves the others to go on. */
  private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
  private final Vertx vertx;
  private final MongoCollection<Document> purchases;
  private final MongoCollection<Document> orders;

  PurchaseRepository(Vertx vertx, MongoCollection<Document> purchases, MongoCollection<Document> orders) {
    this.vertx = vertx;
    this.purchases = purchases;
    this.orders = orders;
  }

  /** The index {@link #byUser} reads by; creating an existing one changes nothing. */
  Future<Void> createIndexes() {
    return Publishers.first(vertx, purchases.createIndex(Indexes.ascending("userId"))).mapEmpty();
  }

  /**
   * Stores the order's status and its SKUs of each product, unless the order's document holds a newer event or has
   * this event already (a redelivery, or a copy the orders' relay sent again at a later offset: its {@code eventIds}).
   * Completes with the order's document as stored after: this change's, or the one held, which still gains the SKUs of
   * products it did not list (a legacy document moved in parts); and whether this change created it. The events of
   * one order are handled one after the other (they share a partition), so nothing else writes the order's document
   * between these steps.
   */
  Future<Recorded> record(OrderChange change) {
    String orderId = change.orderId().toString();
    Document products = new Document();
    change.skusByProduct().forEach((productId, skuIds) -> products.append(productId.toString(),
        skuIds.stream().map(UUID::toString).toList()));
    Document order = new Document("_id", orderId).append("userId", change.userId().toString())
        .append("status", change.status()).append("occurredAt", Date.from(change.version().occurredAt()))
        .append("offset", change.version().offset()).append("products", products);
    String eventId = change.version().eventId();
    // the likelier write goes first: a change in PENDING_PAYMENT (now only a legacy document's: OrderPlaced makes no
    // order document) is its order's first, so the insert; any other mostly finds the document, so the update,
    // though an order's second event finds none either and pays for the update tried first
    Future<Recorded> written = OrderStatus.PLACED.equals(change.status())
        ? orElse(created(insertIfAbsent(order, eventId)), () -> kept(updateUnlessNewer(order, eventId)))
        : orElse(kept(updateUnlessNewer(order, eventId)), () -> created(insertIfAbsent(order, eventId)));
    return orElse(written, () -> kept(addProducts(orderId, products)));
  }

  /** The order's document as {@link #record} left it, and whether that change created it. */
  record Recorded(Document order, boolean created) {
  }

  private static Future<Recorded> created(Future<Document> inserted) {
    return inserted.map(order -> order == null ? null : new Recorded(order, true));
  }

  private static Future<Recorded> kept(Future<Document> updated) {
    return updated.map(order -> order == null ? null : new Recorded(order, false));
  }

  /** What {@code first} found, or else what {@code next} finds. */
  private static Future<Recorded> orElse(Future<Recorded> first, Supplier<Future<Recorded>> next) {
    return first.compose(found -> found != null ? Future.succeededFuture(found) : next.get());
  }

  /**
   * The order's document after this change, or null when it is absent, holds a newer event or has this one. A change
   * no event carried ({@code eventId} null) is judged by its version alone.
   */
  private Future<Document> updateUnlessNewer(Document order, String eventId) {
    Date occurredAt = order.getDate("occurredAt");
    Bson notNewer = Filters.or(Filters.lt("occurredAt", occurredAt),
        Filters.and(Filters.eq("occurredAt", occurredAt), Filters.lte("offset", order.getLong("offset"))));
    List<Bson> updates = new ArrayList<>(productUpdates(order.get("products", Document.class)));
    order.forEach((field, value) -> {
      if (!"_id".equals(field) && !"products".equals(field)) {
        updates.add(Updates.set(field, value));
      }
    });
    Bson filter = Filters.and(Filters.eq("_id", order.get("_id")), notNewer);
    if (eventId != null) {
      filter = Filters.and(filter, Filters.ne(EVENT_IDS, eventId));
      updates.add(Updates.addToSet(EVENT_IDS, eventId));
    }
    return Publishers.collect(vertx, orders.findOneAndUpdate(filter, Updates.combine(updates), RETURN_AFTER))
        .map(found -> found.isEmpty() ? null : found.get(0));
  }

  /**
   * The order's document as inserted, or null when there was one already. An upsert that only inserts: an insert that
   * failed on the document already there would be logged as an error by the embedded MongoDB stand-in.
   */
  private Future<Document> insertIfAbsent(Document order, String eventId) {
    Document fields = new Document(order);
    fields.remove("_id");
    if (eventId != null) {
      fields.append(EVENT_IDS, List.of(eventId));
    }
    return Publishers.first(vertx, orders.updateOne(Filters.eq("_id", order.get("_id")),
            new Document("$setOnInsert", fields), new UpdateOptions().upsert(true)))
        .map(result -> result.getUpsertedId() != null ? order : null);
  }

  /** The order's document, holding a newer event, with the SKUs of these products added. */
  private Future<Document> addProducts(String orderId, Document products) {
    return Publishers.first(vertx, orders.findOneAndUpdate(Filters.eq("_id", orderId),
        Updates.combine(productUpdates(products)), RETURN_AFTER));
  }

  private static List<Bson> productUpdates(Document products) {
    List<Bson> updates = new ArrayList<>();
    products.forEach((productId, skuIds) -> updates.add(Updates.set("products." + productId, skuIds)));
    return updates;
  }

  /**
   * Brings the buyer's documents of each product of the order (as {@link #record} stored it) in line with it: the
   * order is among a document's {@code qualifying} ones exactly when its status qualifies. Derived from the stored
   * order alone, so running it again, or for an event that changed nothing, changes nothing; the events of one order
   * are handled one after the other (they share a partition), so no older status overtakes a newer one here.
   */
  Future<Void> settle(Document order) {
    String userId = order.getString("userId");
    boolean qualifies = OrderStatus.qualifies(order.getString("status"));
    String entry = "qualifying." + order.getString("_id");
    List<Future<?>> writes = new ArrayList<>();
    for (Map.Entry<String, Object> product : order.get("products", Document.class).entrySet()) {
      Bson update = Updates.combine(createdWith(userId, product.getKey()),
          qualifies ? Updates.set(entry, product.getValue()) : Updates.unset(entry));
      Bson buyersProduct = Filters.eq("_id", buyersProductId(userId, product.getKey()));
      writes.add(upsert(buyersProduct, update)
          // two orders of one product, on two partitions, may create the document at once: the loser's upsert
          // failed, and now finds the document there
          .recover(e -> isDuplicateKey(e) ? upsert(buyersProduct, update) : Future.failedFuture(e)));
    }
    return Future.all(writes).mapEmpty();
  }

  /**
   * Makes sure each buyer has a document of each product of their order just placed (it lists what they ordered;
   * no order qualifies yet), in one round trip for all these orders. Creating only: an existing document is left as
   * it is. A race that lost creating one (another consumer created it meanwhile) is tried once more: it finds it.
   */
  Future<Void> listPlaced(List<OrderChange> placed) {
    Map<String, UpdateOneModel<Document>> creations = new LinkedHashMap<>();
    for (OrderChange order : placed) {
      String userId = order.userId().toString();
      for (UUID product : order.skusByProduct().keySet()) {
        String productId = product.toString();
        creations.computeIfAbsent(buyersProductId(userId, productId), id -> new UpdateOneModel<>(
            Filters.eq("_id", id), createdWith(userId, productId), new UpdateOptions().upsert(true)));
      }
    }
    if (creations.isEmpty()) {
      return Future.succeededFuture();
    }
    List<UpdateOneModel<Document>> writes = List.copyOf(creations.values());
    return Publishers.first(vertx, purchases.bulkWrite(writes, UNORDERED)).<Void>mapEmpty()
        .recover(e -> Publishers.first(vertx, purchases.bulkWrite(writes, UNORDERED)).mapEmpty());
  }

  /** The {@code _id} of the buyer's document of a product. */
  private static String buyersProductId(String userId, String productId) {
    return userId + ":" + productId;
  }

  /** The fields the buyer's document of a product is created with, when an upsert creates it. */
  private static Bson createdWith(String userId, String productId) {
    return Updates.combine(Updates.setOnInsert("userId", userId), Updates.setOnInsert("productId", productId));
  }

  private Future<Void> upsert(Bson filter, Bson update) {
    return Publishers.first(vertx, purchases.updateOne(filter, update, new UpdateOptions().upsert(true))).mapEmpty();
  }

  /** The buyer's documents, by product id. */
  Future<List<Document>> byUser(UUID userId) {
    return Publishers.collect(vertx, purchases.find(Filters.eq("userId", userId.toString()))
        .sort(Sorts.ascending("productId")));
  }

  /** The buyer's document of one product, or null. */
  Future<Document> find(UUID userId, UUID productId) {
    Bson buyersProduct = Filters.eq("_id", buyersProductId(userId.toString(), productId.toString()));
    return Publishers.collect(vertx, purchases.find(buyersProduct).limit(1))
        .map(found -> found.isEmpty() ? null : found.get(0));
  }

  /** Up to {@code limit} documents of the earlier shape, each holding its buyer's {@code orders} of its product. */
  Future<List<Document>> legacy(int limit) {
    return Publishers.collect(vertx, purchases.find(Filters.exists("orders")).limit(limit));
  }

  /**
   * Ends a legacy document once its orders are recorded: without them, or gone when it held none (an earlier build
   * created it before its first entry) and no order has qualified in it since.
   */
  Future<Void> retire(Document legacy) {
    Bson same = Filters.eq("_id", legacy.getString("_id"));
    Document orders = legacy.get("orders", Document.class);
    Future<Long> deleted = orders == null || orders.isEmpty()
        ? Publishers.first(vertx, purchases.deleteOne(Filters.and(same, Filters.exists("qualifying", false))))
            .map(DeleteResult::getDeletedCount)
        : Future.succeededFuture(0L);
    return deleted.compose(count -> count > 0 ? Future.succeededFuture()
        : Publishers.first(vertx, purchases.updateOne(same, Updates.unset("orders"))).mapEmpty());
  }

  private static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoServerException server
        && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
  }
}
