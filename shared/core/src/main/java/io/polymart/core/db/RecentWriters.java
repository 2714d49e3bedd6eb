package io.polymart.core.db;

import io.polymart.core.bus.BusRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Read-your-writes with read replicas: the users who changed something a moment ago ({@code pg.readYourWritesSeconds}),
 * kept in Redis so that every node knows, whose own reads then go to the primary. Without replicas nobody is marked.
 */
public final class RecentWriters {
  private static final Logger LOG = LoggerFactory.getLogger(RecentWriters.class);
  /** For a deployment without replicas: every read is on the primary already. */
  public static final RecentWriters NONE = new RecentWriters(null, null, 0);
  private final RedisAPI redis;
  private final String prefix;
  private final long millis;

  /** {@code prefix}: the module's Redis prefix, such as {@code orders:wrote:}. */
  public RecentWriters(RedisAPI redis, String prefix, int seconds) {
    this.redis = redis;
    this.prefix = prefix;
    this.millis = seconds * 1000L;
  }

  /**
   * Runs {@code write} for {@code user} and marks them as a recent writer meanwhile; completes as the write does,
   * once the mark is made, so their next read already finds it. A mark that fails is logged: the write stands.
   */
  public <T> Future<T> writing(UUID user, Supplier<Future<T>> write) {
    if (redis == null || user == null) {
      return write.get();
    }
    Future<?> marked = redis.set(List.of(prefix + user, "1", "PX", Long.toString(millis)))
        .onFailure(e -> LOG.warn("Could not mark {} as a recent writer: {}", user, e.toString()));
    Future<T> written;
    try {
      written = write.get();
    } catch (RuntimeException e) {
      written = Future.failedFuture(e);
    }
    Future<T> result = written;
    return Future.join(marked, written).transform(done -> result);
  }

  /** {@code change}, a bus handler, marking its caller as a recent writer ({@link #writing}). */
  public Function<BusRequest, Future<JsonObject>> marking(Function<BusRequest, Future<JsonObject>> change) {
    if (redis == null) {
      return change;
    }
    return request -> {
      String user = request.optionalUserId();
      return user == null ? change.apply(request) : writing(UUID.fromString(user), () -> change.apply(request));
    };
  }

  /**
   * Runs {@code query} for {@code user}: on the primary when they wrote a moment ago (their own change must show),
   * else on a replica ({@link ReadReplicas#read}). A null user (a guest) has written nothing.
   */
  public <T> Future<T> read(UUID user, ReadReplicas replicas, Function<SqlClient, Future<T>> query) {
    return wroteRecently(user).compose(justWrote -> justWrote ? replicas.fromPrimary(query) : replicas.read(query));
  }

  /** Whether {@code user} wrote a moment ago; true when Redis cannot tell, so a doubt reads from the primary. */
  public Future<Boolean> wroteRecently(UUID user) {
    if (redis == null || user == null) {
      return Future.succeededFuture(false);
    }
    return redis.exists(List.of(prefix + user)).map(count -> count.toInteger() > 0).otherwise(true);
  }
}
