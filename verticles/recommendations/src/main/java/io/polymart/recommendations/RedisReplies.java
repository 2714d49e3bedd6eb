package io.polymart.recommendations;

import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reading Redis replies the same way whether the connection speaks RESP2 (flat arrays) or RESP3 (maps, pairs). */
final class RedisReplies {
  private RedisReplies() {
  }

  /** A hash (HGETALL); empty when the key does not exist. */
  static Map<String, String> hash(Response reply) {
    Map<String, String> hash = new LinkedHashMap<>();
    if (reply != null) {
      for (String key : reply.getKeys()) {
        hash.put(key, reply.get(key).toString());
      }
    }
    return hash;
  }

  /** A sorted set read WITHSCORES, in reply order. */
  static Map<String, Double> scores(Response reply) {
    Map<String, Double> scores = new LinkedHashMap<>();
    if (reply == null || reply.size() == 0) {
      return scores;
    }
    if (reply.get(0).type() == ResponseType.MULTI) {
      for (Response pair : reply) {
        scores.put(pair.get(0).toString(), pair.get(1).toDouble());
      }
    } else {
      for (int i = 0; i + 1 < reply.size(); i += 2) {
        scores.put(reply.get(i).toString(), reply.get(i + 1).toDouble());
      }
    }
    return scores;
  }
}
