package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.minio.MinioClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * All five backends, persistent, started once: a real round trip on each, then one close + restart on the same data
 * directory, checking that nothing is left running in between and that the data survived.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedBackendsTest {

  @TempDir
  static Path dataDir;

  private EmbeddedBackends backends;

  @BeforeAll
  void start() {
    long t0 = System.nanoTime();
    backends = EmbeddedBackends.start(BackendsOptions.allEmbedded(dataDir, true));
    System.out.printf("all five backends started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  void stop() {
    if (backends != null) {
      backends.close();
    }
  }

  @Test
  @Order(1)
  void urlsAndLayout() throws Exception {
    assertThat(backends.postgresUrl()).get().asString()
        .matches("postgresql://polymart:polymart@127\\.0\\.0\\.1:\\d+/polymart");
    assertThat(backends.redisUrl()).get().asString().matches("redis://127\\.0\\.0\\.1:\\d+");
    // PostgreSQL's Unix domain socket, in a directory of its own that only this user may enter
    Path pgSockets = Path.of(backends.postgresSocketDirectory().orElseThrow());
    assertThat(pgSockets.resolve(".s.PGSQL." + backends.port(Backend.POSTGRES).orElseThrow())).exists();
    assertThat(Files.getPosixFilePermissions(pgSockets)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(backends.kafkaBootstrapServers()).get().asString().matches("127\\.0\\.0\\.1:\\d+");
    assertThat(backends.mongoUrl()).get().asString().matches("mongodb://127\\.0\\.0\\.1:\\d+");
    assertThat(backends.s3()).get().satisfies(s3 -> {
      assertThat(s3.url()).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(s3.accessKey()).isNotBlank();
      assertThat(s3.secretKey()).isNotBlank();
    });
    for (String sub : List.of("postgres", "redis", "kafka", "mongo", "s3")) {
      assertThat(dataDir.resolve(sub)).isDirectory();
    }
    assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    assertThat(dataDir.resolve("kafka/meta.properties")).exists();
    assertThat(dataDir.resolve("mongo/mongo.mv")).exists();
  }

  @Test
  @Order(2)
  void postgresRoundTripAndExtensions() throws Exception {
    try (Connection c = Clients.postgres(backends); Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      s.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
      s.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
      s.execute("CREATE TABLE items (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL)");
      s.execute("INSERT INTO items (name) VALUES ('red running shoes'), ('blue rain jacket')");
      s.execute("CREATE INDEX items_name_trgm ON items USING gin (name gin_trgm_ops)");
      try (ResultSet rs = s.executeQuery(
          "SELECT name, similarity(name, 'runing shoe') AS sim FROM items WHERE name % 'runing shoe'"
              + " ORDER BY sim DESC")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("name")).isEqualTo("red running shoes");
      }
      // accented letters are letters (C.UTF-8 character classes), for pg_trgm as for upper()
      try (ResultSet rs = s.executeQuery("SELECT coalesce(array_length(show_trgm('ü'), 1), 0) = 2, upper('café')")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).isTrue();
        assertThat(rs.getString(2)).isEqualTo("CAFÉ");
      }
      try (ResultSet rs = s.executeQuery("SELECT uuid_generate_v4() IS NOT NULL, current_user, current_database(),"
          + " current_setting('server_version_num')::int")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).isTrue();
        assertThat(rs.getString(2)).isEqualTo("polymart");
        assertThat(rs.getString(3)).isEqualTo("polymart");
        assertThat(rs.getInt(4)).isGreaterThanOrEqualTo(170000);
      }
    }
  }

  @Test
  @Order(3)
  void redisRoundTrip() throws Exception {
    try (Resp redis = Clients.redis(backends)) {
      assertThat(redis.call("PING")).isEqualTo("PONG");
      assertThat(redis.call("SET", "cart:1", "3 items")).isEqualTo("OK");
      assertThat(redis.call("GET", "cart:1")).isEqualTo("3 items");

      assertThat(redis.call("CONFIG", "GET", "appendonly")).isEqualTo("appendonly,yes");
      // every write is on disk before its reply
      assertThat(redis.call("CONFIG", "GET", "appendfsync")).isEqualTo("appendfsync,always");
    }
  }

  @Test
  @Order(3)
  void postgresAcknowledgesACommitOnlyOnceItIsOnDisk() throws Exception {
    try (Connection c = Clients.postgres(backends); Statement s = c.createStatement()) {
      for (String setting : List.of("synchronous_commit", "fsync", "full_page_writes")) {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).as(setting).isEqualTo("on");
        }
      }
    }
  }

  @Test
  @Order(4)
  void kafkaRoundTrip() throws Exception {
    Clients.produce(backends, "polymart.test", "order-1", "{\"type\":\"OrderPlaced\"}");
    assertThat(Clients.consume(backends, "polymart.test", "order-1", Duration.ofSeconds(30)))
        .isEqualTo("{\"type\":\"OrderPlaced\"}");
  }

  @Test
  @Order(5)
  void mongoRoundTrip() {
    try (MongoClient mongo = Clients.mongo(backends)) {
      Document found = Clients.insertAndFind(mongo, "product_details",
          new Document("_id", "p1").append("title", "Shoes").append("tags", List.of("red", "running")));
      assertThat(found).isNotNull();
      assertThat(found.getString("title")).isEqualTo("Shoes");
      assertThat(found.getList("tags", String.class)).containsExactly("red", "running");
    }
  }

  @Test
  @Order(6)
  void s3RoundTripWithMinio() throws Exception {
    MinioClient minio = Clients.minio(backends);
    Clients.put(minio, "product-images", "p1/main.txt", "not really a picture");
    assertThat(Clients.get(minio, "product-images", "p1/main.txt")).isEqualTo("not really a picture");
  }

  @Test
  @Order(7)
  void s3RejectsWrongCredentials() {
    S3Endpoint s3 = backends.s3().orElseThrow();
    MinioClient wrong = MinioClient.builder().endpoint(s3.url()).credentials(s3.accessKey(), "wrong-secret").build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Clients.put(wrong, "product-images", "x", "y"))
        .isInstanceOf(io.minio.errors.ErrorResponseException.class);
  }

  @Test
  @Order(10)
  void survivesRestartAndLeavesNothingRunning() throws Exception {
    // data written before the restart, one item per backend
    try (Connection c = Clients.postgres(backends); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE survivors (name text)");
      s.execute("INSERT INTO survivors VALUES ('row before restart')");
    }
    try (Resp redis = Clients.redis(backends)) {
      redis.call("SET", "survivor", "key before restart");
    }
    Clients.produce(backends, "polymart.survivors", "k", "message before restart");
    try (MongoClient mongo = Clients.mongo(backends)) {
      Clients.insertAndFind(mongo, "survivors", new Document("_id", "d").append("v", "document before restart"));
    }
    Clients.put(Clients.minio(backends), "survivors", "o", "object before restart");

    Map<Backend, Integer> ports = ports(backends);
    Path pgSockets = Path.of(backends.postgresSocketDirectory().orElseThrow());
    long t0 = System.nanoTime();
    backends.close();
    System.out.printf("all five backends stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    backends.close(); // idempotent
    assertNothingLeft(ports);
    assertThat(pgSockets).as("PostgreSQL's socket directory").doesNotExist();

    t0 = System.nanoTime();
    backends = EmbeddedBackends.start(BackendsOptions.allEmbedded(dataDir, true));
    System.out.printf("all five backends restarted in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

    try (Connection c = Clients.postgres(backends); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM survivors")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("row before restart");
    }
    try (Resp redis = Clients.redis(backends)) {
      assertThat(redis.call("GET", "survivor")).isEqualTo("key before restart");
    }
    assertThat(Clients.consume(backends, "polymart.survivors", "k", Duration.ofSeconds(30)))
        .isEqualTo("message before restart");
    try (MongoClient mongo = Clients.mongo(backends)) {
      Document d = mongo.getDatabase("polymart").getCollection("survivors").find(new Document("_id", "d")).first();
      assertThat(d).isNotNull();
      assertThat(d.getString("v")).isEqualTo("document before restart");
    }
    assertThat(Clients.get(Clients.minio(backends), "survivors", "o")).isEqualTo("object before restart");

    ports = ports(backends);
    backends.close();
    backends = null;
    assertNothingLeft(ports);
  }

  private static Map<Backend, Integer> ports(EmbeddedBackends backends) {
    Map<Backend, Integer> ports = new EnumMap<>(Backend.class);
    for (Backend b : Backend.values()) {
      ports.put(b, backends.port(b).orElseThrow());
    }
    assertThat(Set.copyOf(ports.values())).hasSize(5);
    return ports;
  }

  private void assertNothingLeft(Map<Backend, Integer> ports) {
    assertNothingLeft(dataDir, ports);
  }

  /** No PostgreSQL process on {@code dataDir/postgres}, no redis-server child, none of the ports open. */
  static void assertNothingLeft(Path dataDir, Map<Backend, Integer> ports) {
    String pgData = dataDir.resolve("postgres").toString();
    List<String> postgres = ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(pgData))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .toList();
    assertThat(postgres).as("postgres processes on %s", pgData).isEmpty();
    List<String> redis = ProcessHandle.current().descendants()
        .filter(p -> p.info().command().orElse("").contains("redis-server"))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .toList();
    assertThat(redis).as("redis-server child processes").isEmpty();
    assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).isFalse();
    ports.forEach((backend, port) ->
        assertThat(Support.isListening(port)).as("%s port %d still open", backend, port).isFalse());
  }
}
