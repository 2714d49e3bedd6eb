package io.polymart.recommendations;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The category of products as the verticle's projection of {@code polymart.catalog} knows it. */
final class ProductCategories {
  private final RedisAPI redis;

  ProductCategories(RedisAPI redis) {
    this.redis = redis;
  }

  /** The category of each product known to have one, read concurrently. */
  Future<Map<String, String>> of(List<String> products) {
    List<Future<Response>> reads = products.stream()
        .map(product -> redis.hget(RecsKeys.product(product), "categoryId")).toList();
    return Future.all(reads).map(all -> {
      Map<String, String> categories = new HashMap<>();
      for (int i = 0; i < products.size(); i++) {
        Response category = reads.get(i).result();
        if (category != null) {
          categories.put(products.get(i), category.toString());
        }
      }
      return categories;
    });
  }
}
