package io.polymart.core.db;

import io.polymart.backends.EmbeddedBackends;
import io.polymart.core.config.ConfigLoader;
import io.polymart.core.outbox.OutboxBackends;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the embedded PostgreSQL, which listens on 127.0.0.1 and on a Unix domain socket. */
class PgSettingsTest {

  private static Vertx onNativeTransport;
  private static Vertx onNio;
  private static PgSettings settings;

  @BeforeAll
  static void start() {
    EmbeddedBackends backends = OutboxBackends.backends();
    JsonObject config = ConfigLoader.defaults();
    config.getJsonObject("pg").put("url", backends.postgresUrl().orElseThrow())
        .put("socketDirectory", backends.postgresSocketDirectory().orElseThrow());
    settings = PgSettings.from(config);
    onNativeTransport = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
    onNio = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    await(onNativeTransport.close());
    await(onNio.close());
  }

  @Test
  void poolsConnectThroughTheSocketWhereVertxRunsOnANativeTransport() {
    // this test's classpath has Netty's epoll for Linux x86-64, like the platform's jar
    assertThat(onNativeTransport.isNativeTransportEnabled()).as("native transport").isTrue();
    for (Function<Vertx, SqlClient> client : clients()) {
      assertThat(serverAddress(client.apply(onNativeTransport))).isNull();
    }
  }

  @Test
  void poolsConnectOverTcpToTheUrlsHostOtherwise() {
    for (Function<Vertx, SqlClient> client : clients()) {
      assertThat(serverAddress(client.apply(onNio))).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void aPoolPreparesOnceTheLongConstantStatementsItIsGivenAndNoOtherLongOne() {
    // over the 2,048 characters up to which Vert.x caches prepared statements by default
    String named = "SELECT 'named' AS which /*" + "x".repeat(2100) + "*/";
    String other = "SELECT 'other' AS which /*" + "x".repeat(2100) + "*/";
    Pool pool = settings.pool(onNio, "test", Set.of(named));
    try {
      List<String> prepared = await(pool.withConnection(connection -> connection.preparedQuery(named).execute()
          .compose(v -> connection.preparedQuery(other).execute())
          .compose(v -> connection.preparedQuery(named).execute())
          .compose(v -> connection.query("SELECT statement FROM pg_prepared_statements").execute())
          .map(rows -> {
            List<String> statements = new ArrayList<>();
            rows.forEach(row -> statements.add(row.getString(0)));
            return statements;
          })));
      // kept by the session: the named statement once; the other was parsed and planned for its run only
      assertThat(prepared).containsOnlyOnce(named).doesNotContain(other);
    } finally {
      await(pool.close());
    }
  }

  private static List<Function<Vertx, SqlClient>> clients() {
    return List.of(vertx -> settings.pool(vertx, "test"),
        vertx -> settings.poolOfConstantStatements(vertx, "test"), vertx -> settings.readClient(vertx, "test"));
  }

  /** The server's address of the connection, as PostgreSQL sees it: null for a Unix domain socket. */
  private static String serverAddress(SqlClient client) {
    try {
      return await(client.query("SELECT host(inet_server_addr())").execute()).iterator().next().getString(0);
    } finally {
      await(client.close());
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
