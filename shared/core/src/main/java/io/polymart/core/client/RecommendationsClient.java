package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Recommendations as the HTTP contract's {@code RecommendationList} items, asked for a shopper. */
public final class RecommendationsClient {
  private final BusClient bus;

  public RecommendationsClient(BusClient bus) {
    this.bus = bus;
  }

  /** {@code getTrendingProducts}: the day's trending products. */
  public Future<JsonArray> trending(int size) {
    return items(Addresses.RECS_TRENDING, new JsonObject(), new JsonObject().put("window", "day"), size,
        BusCaller.NONE);
  }

  /** {@code getRecommendationsForYou}: for the shopper (a user, or a visitor by id); trending for a newcomer. */
  public Future<JsonArray> forYou(BusCaller shopper, int size) {
    return items(Addresses.RECS_FOR_YOU, new JsonObject(), new JsonObject(), size, shopper);
  }

  /** {@code getProductRecommendations} of one {@code type}: bought-together, viewed-together or similar. */
  public Future<JsonArray> forProduct(String productId, String type, int size) {
    return items(Addresses.RECS_PRODUCT, new JsonObject().put("id", productId), new JsonObject().put("type", type),
        size, BusCaller.NONE);
  }

  private Future<JsonArray> items(String address, JsonObject params, JsonObject query, int size, BusCaller caller) {
    return bus.send(address, params, query.put("size", Integer.toString(size)), new JsonObject(), caller)
        .map(Message::body).map(body -> body.getJsonArray("items", new JsonArray()));
  }
}
