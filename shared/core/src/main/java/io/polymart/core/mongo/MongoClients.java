package io.polymart.core.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoClient;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;

/** MongoDB clients from {@code mongo.*}. */
public final class MongoClients {
  private MongoClients() {
  }

  /** A request that gets no answer fails after this (a 503), unless the URL sets {@code socketTimeoutMS}. */
  static final int READ_TIMEOUT_SECONDS = 10;

  /**
   * Writes are acknowledged once journaled on a majority of the replica set, unless the URL names its own write
   * concern ({@code w}, {@code journal}): a document a client was told about survives a crash. A server that never
   * answers a request (the embedded one can fail to encode a reply and leave it unanswered) fails it instead of
   * leaving the caller waiting for ever.
   */
  public static MongoClient create(JsonObject config) {
    ConnectionString url = new ConnectionString(config.getJsonObject("mongo").getString("url"));
    MongoClientSettings settings = MongoClientSettings.builder()
        .writeConcern(url.getWriteConcern() != null ? url.getWriteConcern() : WriteConcern.MAJORITY.withJournal(true))
        .applyConnectionString(url)
        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
        .applyToSocketSettings(socket -> {
          if (url.getSocketTimeout() == null) {
            socket.readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
          }
        })
        .build();
    return com.mongodb.reactivestreams.client.MongoClients.create(settings);
  }
}
