package io.polymart.core.ratelimit;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With Redis unreachable, the login and registration limits are counted in the instance instead of failing. */
class RateLimiterOutageTest {
  private static Vertx vertx;
  private static RateLimiter limiter;

  @BeforeAll
  static void limiterWithRedisDown() throws IOException {
    vertx = Vertx.vertx();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RedisAPI redis = RedisAPI.api(Redis.createClient(vertx,
        new RedisOptions().setConnectionString("redis://127.0.0.1:" + closedPort)));
    limiter = new RateLimiter(redis, "test:", 60);
  }

  @AfterAll
  static void close() {
    vertx.close();
  }

  private static <T> T onContext(Supplier<Future<T>> call) throws Exception {
    return vertx.getOrCreateContext().<T>executeBlocking(() -> null).compose(v -> call.get())
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void attemptsWithinTheLimitPassAndTheNextIsRefusedWithRetryAfter() throws Exception {
    onContext(() -> limiter.hit("login:ip:10.0.0.1", 2));
    onContext(() -> limiter.hit("login:ip:10.0.0.1", 2));
    onContext(() -> limiter.check("login:ip:10.0.0.2", 1));

    assertThatThrownBy(() -> onContext(() -> limiter.hit("login:ip:10.0.0.1", 2)))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(ServiceException.class, error -> {
          assertThat(error.status()).isEqualTo(429);
          assertThat(error.retryAfterSeconds()).isBetween(1, 60);
        });
    assertThatThrownBy(() -> onContext(() -> limiter.check("login:ip:10.0.0.1", 2)))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ServiceException.class);
  }
}
