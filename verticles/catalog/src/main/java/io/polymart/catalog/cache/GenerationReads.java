package io.polymart.catalog.cache;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads of cache generations from Redis, batched ({@link OneBatchInFlight}): at most one {@code MGET} is in flight, and
 * the reads asked for meanwhile go together in the next one. Every read is thus sent after it was asked for, and sees
 * every change acknowledged before (each raises its generations before it is acknowledged), while a hot path asks
 * Redis once per round trip instead of once per request. A generation never set reads as {@code "0"}.
 */
public final class GenerationReads {
  /** Keys asked for since the batch in flight was sent, and the promise of their values. */
  private static final class Batch {
    final Set<String> keys = new LinkedHashSet<>();
    final Promise<Map<String, String>> values = Promise.promise();
  }

  private final RedisAPI redis;
  private final OneBatchInFlight<Batch> batches = new OneBatchInFlight<>(Batch::new, this::send);

  public GenerationReads(RedisAPI redis) {
    this.redis = redis;
  }

  public Future<String> read(String key) {
    return read(List.of(key)).map(values -> values.get(key));
  }

  /** The current generation of each of {@code keys}, by key. */
  public Future<Map<String, String>> read(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return batches.add(batch -> {
      batch.keys.addAll(keys);
      return batch.values.future();
    });
  }

  private Future<Response> send(Batch batch) {
    List<String> keys = new ArrayList<>(batch.keys);
    return redis.mget(keys).onComplete(read -> {
      if (read.failed()) {
        batch.values.fail(read.cause());
        return;
      }
      Map<String, String> values = new HashMap<>(keys.size() * 2);
      for (int i = 0; i < keys.size(); i++) {
        Response value = read.result().get(i);
        values.put(keys.get(i), value == null ? "0" : value.toString());
      }
      batch.values.complete(values);
    });
  }
}
