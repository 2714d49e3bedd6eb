package io.polymart.catalog.search;

import io.polymart.catalog.cache.OneBatchInFlight;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The searched keywords' counts in a Redis sorted set (the service's {@value SearchService#HOT_KEY}), trimmed to the
 * {@code keep} most searched, added in batches ({@link OneBatchInFlight}): at most one write is in flight, and the
 * searches counted meanwhile are added together by the next, one script per round trip instead of a command per
 * search. Best effort: a count Redis refused is logged and dropped, and counts not yet written are lost with the
 * process.
 */
final class HotSearchCounts {
  private static final Logger LOG = LoggerFactory.getLogger(HotSearchCounts.class);
  /** KEYS[1] the set; ARGV[1] how many to keep, then keyword and count pairs. */
  private static final String ADD = """
      for i = 2, #ARGV, 2 do redis.call('ZINCRBY', KEYS[1], ARGV[i + 1], ARGV[i]) end
      return redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[1]) - 1)
      """;
  private final RedisAPI redis;
  private final String key;
  private final String keep;
  private final OneBatchInFlight<Map<String, Integer>> batches = new OneBatchInFlight<>(HashMap::new, this::write);

  HotSearchCounts(RedisAPI redis, String key, int keep) {
    this.redis = redis;
    this.key = key;
    this.keep = Integer.toString(keep);
  }

  void count(String keyword) {
    batches.add(counts -> counts.merge(keyword, 1, Integer::sum));
  }

  private Future<Response> write(Map<String, Integer> counts) {
    List<String> args = new ArrayList<>(4 + counts.size() * 2);
    args.add(ADD);
    args.add("1");
    args.add(key);
    args.add(keep);
    counts.forEach((keyword, count) -> {
      args.add(keyword);
      args.add(count.toString());
    });
    return redis.eval(args).onFailure(failure ->
        LOG.debug("Could not count {} searched keywords: {}", counts.size(), failure.toString()));
  }
}
