package io.polymart.catalog.product;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.polymart.core.mongo.Publishers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.util.UUID;

/** Product detail documents in MongoDB {@code product_details}, one per product, {@code _id} = product id. */
public final class ProductDetailsRepository {
  public static final String COLLECTION = "product_details";
  private final Vertx vertx;
  private final MongoCollection<Document> collection;

  public ProductDetailsRepository(Vertx vertx, MongoCollection<Document> collection) {
    this.vertx = vertx;
    this.collection = collection;
  }

  /** The stored form of a request's {@code details}: a 400 for field names MongoDB cannot store. */
  static Document toDocument(JsonObject details) {
    return MongoJson.toDocument(details, "details");
  }

  /** The document without its {@code _id}, or null when the product has none. */
  Future<JsonObject> get(UUID productId) {
    return Publishers.first(vertx, collection.find(Filters.eq("_id", productId.toString())).first())
        .map(document -> {
          if (document == null) {
            return null;
          }
          document.remove("_id");
          return MongoJson.toJson(document);
        });
  }

  /** Replaces the whole document; callers pass an already sanitised one (see {@link #toDocument}). */
  Future<Void> put(UUID productId, Document document) {
    document.put("_id", productId.toString());
    return Publishers.first(vertx, collection.replaceOne(Filters.eq("_id", productId.toString()), document,
        new ReplaceOptions().upsert(true))).mapEmpty();
  }
}
