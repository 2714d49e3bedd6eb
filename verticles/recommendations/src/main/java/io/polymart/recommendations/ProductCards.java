package io.polymart.recommendations;

import io.polymart.recommendations.scoring.Scored;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads product hashes, and turns ranked ids into an answer's items, skipping what may not be recommended. */
final class ProductCards {
  private final RedisAPI redis;

  ProductCards(RedisAPI redis) {
    this.redis = redis;
  }

  /** Reads the hashes of KEYS in one round trip (a script's replies are RESP2: flat field-value arrays). */
  static final String READ_HASHES = """
      local hashes = {}
      for i, key in ipairs(KEYS) do
        hashes[i] = redis.call('HGETALL', key)
      end
      return hashes
      """;

  /** The known products among {@code ids}, by id, read in one round trip. */
  Future<Map<String, ProductCard>> read(Collection<String> ids) {
    List<String> list = List.copyOf(ids);
    if (list.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<String> args = new ArrayList<>(list.size() + 2);
    args.add(READ_HASHES);
    args.add(Integer.toString(list.size()));
    list.forEach(id -> args.add(RecsKeys.product(id)));
    return redis.eval(args).map(reply -> {
      Map<String, ProductCard> cards = new LinkedHashMap<>();
      for (int i = 0; i < list.size(); i++) {
        String id = list.get(i);
        ProductCard.of(id, RedisReplies.hash(reply.get(i))).ifPresent(card -> cards.put(id, card));
      }
      return cards;
    });
  }

  Future<ProductCard> read(String id) {
    return read(List.of(id)).map(cards -> cards.get(id));
  }

  /**
   * The first {@code size} eligible items of {@code ranked} not in {@code excluded}, as answer items with the reason
   * each one's gets; read a page at a time, so ineligible items at the top cost one more read, not a short answer.
   */
  Future<List<JsonObject>> fill(List<Scored> ranked, int size, Set<String> excluded, Function<String, String> reason) {
    return fill(ranked, 0, size, excluded, reason, new ArrayList<>());
  }

  static JsonObject answer(List<JsonObject> items) {
    return new JsonObject().put("items", new JsonArray(new ArrayList<>(items)));
  }

  private Future<List<JsonObject>> fill(List<Scored> ranked, int from, int size, Set<String> excluded,
      Function<String, String> reason, List<JsonObject> items) {
    if (items.size() >= size || from >= ranked.size()) {
      return Future.succeededFuture(items);
    }
    int to = Math.min(ranked.size(), from + Math.max(2 * (size - items.size()), 10));
    List<String> page = ranked.subList(from, to).stream().map(Scored::item).filter(id -> !excluded.contains(id))
        .toList();
    return read(page).compose(cards -> {
      for (String id : page) {
        ProductCard card = cards.get(id);
        if (card != null && card.eligible() && items.size() < size) {
          items.add(card.toJson(reason.apply(id)));
        }
      }
      return fill(ranked, to, size, excluded, reason, items);
    });
  }
}
