package io.polymart.core.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;

/** MongoDB clients from {@code mongo.*}. */
public final class MongoClients {
  private MongoClients() {
  }

  public static MongoClient create(JsonObject config) {
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(config.getJsonObject("mongo").getString("url")))
        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
        .build();
    return com.mongodb.reactivestreams.client.MongoClients.create(settings);
  }
}
