package io.polymart.reviews;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.bson.Document;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The demo products whose reviews are all written, in {@code review_demo_products} ({@code {_id: productId}}). */
final class DemoProductsDone {
  static final String COLLECTION = "review_demo_products";
  private final Vertx vertx;
  private final MongoCollection<Document> done;

  DemoProductsDone(Vertx vertx, MongoCollection<Document> done) {
    this.vertx = vertx;
    this.done = done;
  }

  /** The products among {@code productIds} not marked done, in the same order. */
  Future<List<UUID>> notDone(List<UUID> productIds) {
    List<String> ids = productIds.stream().map(UUID::toString).toList();
    return Publishers.collect(vertx, done.find(Filters.in("_id", ids))).map(found -> {
      Set<String> marked = new HashSet<>();
      found.forEach(document -> marked.add(document.getString("_id")));
      return productIds.stream().filter(id -> !marked.contains(id.toString())).toList();
    });
  }

  Future<Void> mark(UUID productId) {
    return Publishers.first(vertx, done.insertOne(new Document("_id", productId.toString()))).<Void>mapEmpty()
        .recover(e -> e instanceof MongoWriteException write
            && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
            ? Future.succeededFuture() : Future.failedFuture(e));
  }
}
