package io.polymart.cart;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Carts in Redis: one hash per cart, field = SKU id, value = {@link CartLine} JSON. Every change that reads before it
 * writes is one Lua script, so concurrent requests on one cart never lose an update; every read or write slides the
 * cart's expiry.
 */
final class CartRepository {
  /** A change the store refused ({@code refusal} and the line's quantity then), or the cart after it. */
  record Outcome(String refusal, int quantityBefore, Cart cart) {
    boolean ok() {
      return refusal == null;
    }
  }

  record Removal(int removed, Cart cart) {
  }

  record Merge(boolean moved, Cart cart) {
  }

  static final String CART_FULL = "CART_FULL";
  static final String QUANTITY_LIMIT = "QUANTITY_LIMIT";
  static final String INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK";
  static final String NOT_FOUND = "NOT_FOUND";
  /** An update would raise the quantity above the limit given for increases. */
  static final String TOO_MANY = "TOO_MANY";

  private static final RedisScript READ = new RedisScript("""
      redis.call('EXPIRE', KEYS[1], ARGV[1])
      return redis.call('HGETALL', KEYS[1])
      """);
  // ARGV: skuId, quantity to add, max per line, max lines, available, price now, now, ttl
  private static final RedisScript ADD = new RedisScript("""
      local current = redis.call('HGET', KEYS[1], ARGV[1])
      local line
      if current then
        line = cjson.decode(current)
      elseif redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then
        return {'CART_FULL', 0}
      else
        line = {quantity = 0, selected = true, addedPrice = ARGV[6], addedAt = ARGV[7]}
      end
      local total = line.quantity + tonumber(ARGV[2])
      if total > tonumber(ARGV[3]) then return {'QUANTITY_LIMIT', line.quantity} end
      if total > tonumber(ARGV[5]) then return {'INSUFFICIENT_STOCK', line.quantity} end
      line.quantity = total
      redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(line))
      redis.call('EXPIRE', KEYS[1], ARGV[8])
      return {'OK', 0, redis.call('HGETALL', KEYS[1])}
      """);
  // ARGV: skuId, quantity or '', selected ('true'/'false') or '', limit for increases, ttl
  private static final RedisScript UPDATE = new RedisScript("""
      local current = redis.call('HGET', KEYS[1], ARGV[1])
      if not current then return {'NOT_FOUND', 0} end
      local line = cjson.decode(current)
      if ARGV[2] ~= '' then
        local quantity = tonumber(ARGV[2])
        if quantity > line.quantity and quantity > tonumber(ARGV[4]) then return {'TOO_MANY', line.quantity} end
        line.quantity = quantity
      end
      if ARGV[3] ~= '' then line.selected = ARGV[3] == 'true' end
      redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(line))
      redis.call('EXPIRE', KEYS[1], ARGV[5])
      return {'OK', 0, redis.call('HGETALL', KEYS[1])}
      """);
  // ARGV: ttl, skuId...
  private static final RedisScript REMOVE = new RedisScript("""
      local removed = 0
      if #ARGV > 1 then removed = redis.call('HDEL', KEYS[1], unpack(ARGV, 2)) end
      redis.call('EXPIRE', KEYS[1], ARGV[1])
      return {removed, redis.call('HGETALL', KEYS[1])}
      """);
  // KEYS: user cart, guest cart; ARGV: max per line, max lines, ttl. Guest lines move oldest first.
  private static final RedisScript MERGE = new RedisScript("""
      local guest = redis.call('HGETALL', KEYS[2])
      local max = tonumber(ARGV[1])
      local lines = {}
      for i = 1, #guest, 2 do
        lines[#lines + 1] = {sku = guest[i], line = cjson.decode(guest[i + 1])}
      end
      table.sort(lines, function(a, b)
        if a.line.addedAt == b.line.addedAt then return a.sku < b.sku end
        return a.line.addedAt < b.line.addedAt
      end)
      local count = redis.call('HLEN', KEYS[1])
      for _, g in ipairs(lines) do
        local current = redis.call('HGET', KEYS[1], g.sku)
        if current then
          local line = cjson.decode(current)
          line.quantity = math.min(line.quantity + g.line.quantity, max)
          line.selected = line.selected or g.line.selected
          redis.call('HSET', KEYS[1], g.sku, cjson.encode(line))
        elseif count < tonumber(ARGV[2]) then
          g.line.quantity = math.min(g.line.quantity, max)
          redis.call('HSET', KEYS[1], g.sku, cjson.encode(g.line))
          count = count + 1
        end
      end
      redis.call('DEL', KEYS[2])
      redis.call('EXPIRE', KEYS[1], ARGV[3])
      return {#lines, redis.call('HGETALL', KEYS[1])}
      """);

  private final RedisAPI redis;
  private final CartSettings settings;

  CartRepository(RedisAPI redis, CartSettings settings) {
    this.redis = redis;
    this.settings = settings;
  }

  Future<Cart> read(String key) {
    return READ.run(redis, List.of(key), List.of(ttl())).map(Cart::fromHash);
  }

  /** The SKU ids of the cart's lines, as a plain read (a change that follows slides the expiry). */
  Future<List<String>> skuIds(String key) {
    return redis.hkeys(key).map(reply -> {
      List<String> ids = new ArrayList<>(reply.size());
      reply.forEach(id -> ids.add(id.toString()));
      return ids;
    });
  }

  Future<Boolean> exists(String key) {
    return redis.exists(List.of(key)).map(count -> count.toInteger() > 0);
  }

  /** Adds units to a line (a new line is selected and remembers today's price), within the limits and stock. */
  Future<Outcome> add(String key, String skuId, int quantity, int available, BigDecimal price, String now) {
    return ADD.run(redis, List.of(key), List.of(skuId, Integer.toString(quantity),
            Integer.toString(settings.maxQuantityPerLine()), Integer.toString(settings.maxLines()),
            Integer.toString(available), price.toPlainString(), now, ttl()))
        .map(CartRepository::outcome);
  }

  /**
   * Sets a line's quantity and/or selection (null leaves it); raising the quantity above {@code increaseLimit} is
   * refused ({@link #TOO_MANY}), lowering it never is.
   */
  Future<Outcome> update(String key, String skuId, Integer quantity, Boolean selected, int increaseLimit) {
    return UPDATE.run(redis, List.of(key), List.of(skuId, quantity == null ? "" : quantity.toString(),
            selected == null ? "" : selected.toString(), Integer.toString(increaseLimit), ttl()))
        .map(CartRepository::outcome);
  }

  Future<Removal> remove(String key, List<String> skuIds) {
    List<String> args = new ArrayList<>();
    args.add(ttl());
    args.addAll(skuIds);
    return REMOVE.run(redis, List.of(key), args)
        .map(reply -> new Removal(reply.get(0).toInteger(), Cart.fromHash(reply.get(1))));
  }

  /** Deletes the cart; true if there was one. */
  Future<Boolean> clear(String key) {
    return redis.del(List.of(key)).map(count -> count.toInteger() > 0);
  }

  /** Moves the guest cart's lines into the user's cart and deletes the guest cart. */
  Future<Merge> merge(String userKey, String guestKey) {
    return MERGE.run(redis, List.of(userKey, guestKey), List.of(Integer.toString(settings.maxQuantityPerLine()),
            Integer.toString(settings.maxLines()), ttl()))
        .map(reply -> new Merge(reply.get(0).toInteger() > 0, Cart.fromHash(reply.get(1))));
  }

  private String ttl() {
    return Long.toString(settings.ttlSeconds());
  }

  private static Outcome outcome(Response reply) {
    String status = reply.get(0).toString();
    return "OK".equals(status) ? new Outcome(null, 0, Cart.fromHash(reply.get(2)))
        : new Outcome(status, reply.get(1).toInteger(), null);
  }
}
