package io.polymart.recommendations;

import io.polymart.core.events.DomainEvent;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies an event's {@link EventWrites} exactly once: one Lua script compares the event's position (its record's
 * offset and its place in the record, {@link DomainEvent#position()}) with the last position applied on its
 * topic-partition (kept in {@link RecsKeys#POSITIONS}), and only when it is newer applies every write and advances
 * that position, atomically.
 *
 * <p>Why positions rather than a set of processed event ids: Kafka hands the records of a partition to one consumer in
 * offset order, so "the last position applied" is all there is to remember: one number per partition, however long
 * the shop runs (a set of event ids grows with every event ever seen). And since the check and the writes are one script,
 * an event delivered twice (a redelivery after a crash before the commit, two instances handling one partition during
 * a rebalance, a replay of the topics with a fresh consumer group) changes nothing the second time, even when the two
 * deliveries race. It relies on a topic never being recreated (offsets would start again at 0); should one be, delete
 * its fields of {@code recs:positions}.
 */
final class OffsetGuard {
  /** Defines apply(i): runs the operations from ARGV[i] on; an error reply for an unknown one, else nil. */
  private static final String OPERATIONS = """
      local function apply(i)
      while i <= #ARGV do
        local op = ARGV[i]
        local key = KEYS[tonumber(ARGV[i + 1]) + 1]
        if op == 'zincr' then
          redis.call('ZINCRBY', key, ARGV[i + 2], ARGV[i + 3]); i = i + 4
        elseif op == 'zmax' then
          local current = redis.call('ZSCORE', key, ARGV[i + 3])
          if not current or tonumber(current) < tonumber(ARGV[i + 2]) then
            redis.call('ZADD', key, ARGV[i + 2], ARGV[i + 3])
          end
          i = i + 4
        elseif op == 'ztrim' then
          redis.call('ZREMRANGEBYRANK', key, 0, -tonumber(ARGV[i + 2]) - 1); i = i + 3
        elseif op == 'zrem' then
          redis.call('ZREM', key, ARGV[i + 2]); i = i + 3
        elseif op == 'hincr' then
          redis.call('HINCRBYFLOAT', key, ARGV[i + 2], ARGV[i + 3]); i = i + 4
        elseif op == 'hset' then
          redis.call('HSET', key, ARGV[i + 2], ARGV[i + 3]); i = i + 4
        elseif op == 'hdel' then
          redis.call('HDEL', key, ARGV[i + 2]); i = i + 3
        elseif op == 'sadd' then
          redis.call('SADD', key, ARGV[i + 2]); i = i + 3
        elseif op == 'srem' then
          redis.call('SREM', key, ARGV[i + 2]); i = i + 3
        elseif op == 'del' then
          redis.call('DEL', key); i = i + 2
        elseif op == 'expire' then
          redis.call('EXPIRE', key, ARGV[i + 2]); i = i + 3
        elseif op == 'expireat' then
          redis.call('EXPIREAT', key, ARGV[i + 2]); i = i + 3
        else
          return redis.error_reply('unknown operation ' .. op)
        end
      end
      return nil
      end
      """;

  /** ARGV: the positions field, the event's position, then the operations. 0 if applied before, else 1. */
  static final String SCRIPT = OPERATIONS + """
      local last = redis.call('HGET', KEYS[1], ARGV[1])
      if last and tonumber(last) >= tonumber(ARGV[2]) then
        return 0
      end
      local failed = apply(3)
      if failed then
        return failed
      end
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
      return 1
      """;

  /**
   * ARGV: the positions field, its value when the writes were worked out ('' for none), the new position, then the
   * operations. -1 (nothing written) if the field has changed since, else 1.
   */
  static final String SCRIPT_IF_UNMOVED = OPERATIONS + """
      local last = redis.call('HGET', KEYS[1], ARGV[1])
      if (last or '') ~= ARGV[2] then
        return -1
      end
      local failed = apply(4)
      if failed then
        return failed
      end
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
      return 1
      """;

  private final RedisAPI redis;

  OffsetGuard(RedisAPI redis) {
    this.redis = redis;
  }

  /** True when the writes were applied, false when the event's position had been applied before. */
  Future<Boolean> apply(DomainEvent event, EventWrites writes) {
    return apply(RecsKeys.POSITIONS, field(event), event.position(), writes);
  }

  /** The last position applied on the event's topic-partition, null if none. */
  Future<Long> lastApplied(DomainEvent event) {
    return redis.hget(RecsKeys.POSITIONS, field(event)).map(last -> last == null ? null : last.toLong());
  }

  /**
   * Applies the writes of the events up to position {@code through} (of {@code event}'s topic-partition), worked out
   * from what was stored when the last position applied was {@code last}: true when applied, false (nothing written)
   * when the partition's position has moved since, so that the writes may be stale.
   */
  Future<Boolean> applyIfUnmoved(DomainEvent event, Long last, long through, EventWrites writes) {
    return eval(SCRIPT_IF_UNMOVED, RecsKeys.POSITIONS, writes, field(event), last == null ? "" : Long.toString(last),
        Long.toString(through));
  }

  private static String field(DomainEvent event) {
    return event.topic() + ":" + event.partition();
  }

  /** True when the writes were applied, false when {@code field} of the hash {@code markers} says they were before. */
  Future<Boolean> applyOnce(String markers, String field, EventWrites writes) {
    return apply(markers, field, 0, writes);
  }

  private Future<Boolean> apply(String hash, String field, long position, EventWrites writes) {
    return eval(SCRIPT, hash, writes, field, Long.toString(position));
  }

  /** Runs a script with KEYS = {@code hash} then the writes' keys, ARGV = {@code head} then the writes' operations. */
  private Future<Boolean> eval(String script, String hash, EventWrites writes, String... head) {
    List<String> args = new ArrayList<>();
    args.add(script);
    List<String> keys = writes.keys();
    args.add(Integer.toString(keys.size() + 1));
    args.add(hash);
    args.addAll(keys);
    args.addAll(List.of(head));
    args.addAll(writes.ops());
    return redis.eval(args).map(reply -> reply.toInteger() == 1);
  }

}
