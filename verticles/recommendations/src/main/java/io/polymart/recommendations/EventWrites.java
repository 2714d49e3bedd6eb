package io.polymart.recommendations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Redis writes one event makes, collected so that {@link OffsetGuard} applies them all in one script, or none.
 * Keys go in the script's KEYS (each once); an operation names its key by index.
 */
final class EventWrites {
  /** How many arguments follow each operation's key index. */
  private static final Map<String, Integer> ARITY = Map.ofEntries(Map.entry("zincr", 2), Map.entry("zmax", 2),
      Map.entry("ztrim", 1), Map.entry("zrem", 1), Map.entry("hincr", 2), Map.entry("hset", 2), Map.entry("hdel", 1),
      Map.entry("sadd", 1), Map.entry("srem", 1), Map.entry("del", 0), Map.entry("expire", 1),
      Map.entry("expireat", 1));

  private final Map<String, Integer> keys = new LinkedHashMap<>();
  private final List<String> ops = new ArrayList<>();

  /** ZINCRBY. */
  EventWrites zincr(String key, double by, String member) {
    return op("zincr", key, Double.toString(by), member);
  }

  /** Sets the member's score unless it already has a higher one. */
  EventWrites zmax(String key, double score, String member) {
    return op("zmax", key, Double.toString(score), member);
  }

  /** Keeps only the {@code size} highest members. */
  EventWrites ztrim(String key, int size) {
    return op("ztrim", key, Integer.toString(size));
  }

  EventWrites zrem(String key, String member) {
    return op("zrem", key, member);
  }

  /** HINCRBYFLOAT. */
  EventWrites hincr(String key, String field, double by) {
    return op("hincr", key, field, Double.toString(by));
  }

  EventWrites hset(String key, String field, String value) {
    return op("hset", key, field, value);
  }

  EventWrites hdel(String key, String field) {
    return op("hdel", key, field);
  }

  EventWrites sadd(String key, String member) {
    return op("sadd", key, member);
  }

  EventWrites srem(String key, String member) {
    return op("srem", key, member);
  }

  EventWrites del(String key) {
    return op("del", key);
  }

  EventWrites expire(String key, long seconds) {
    return op("expire", key, Long.toString(seconds));
  }

  EventWrites expireAt(String key, long epochSecond) {
    return op("expireat", key, Long.toString(epochSecond));
  }

  /** One write: the operation's name, its key, the arguments after the key. */
  @FunctionalInterface
  interface Operation {
    void accept(String name, String key, List<String> args);
  }

  /** Each write in order. */
  void forEach(Operation operation) {
    List<String> keyList = keys();
    int i = 0;
    while (i < ops.size()) {
      String name = ops.get(i);
      int arity = ARITY.get(name);
      operation.accept(name, keyList.get(Integer.parseInt(ops.get(i + 1)) - 1), ops.subList(i + 2, i + 2 + arity));
      i += 2 + arity;
    }
  }

  boolean isEmpty() {
    return ops.isEmpty();
  }

  List<String> keys() {
    return List.copyOf(keys.keySet());
  }

  List<String> ops() {
    return List.copyOf(ops);
  }

  private EventWrites op(String name, String key, String... args) {
    int index = keys.computeIfAbsent(key, k -> keys.size() + 1);
    ops.add(name);
    ops.add(Integer.toString(index));
    ops.addAll(List.of(args));
    return this;
  }
}
