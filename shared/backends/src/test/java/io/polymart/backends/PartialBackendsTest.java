package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test mode (not persistent) with a subset of backends; start failures. */
class PartialBackendsTest {

  @TempDir
  Path dataDir;

  @Test
  void startsOnlyTheRequestedBackendsInMemory() throws Exception {
    try (EmbeddedBackends backends = EmbeddedBackends.start(
        new BackendsOptions(dataDir, false, EnumSet.of(Backend.REDIS, Backend.MONGO)))) {
      assertThat(backends.postgresUrl()).isEmpty();
      assertThat(backends.kafkaBootstrapServers()).isEmpty();
      assertThat(backends.s3()).isEmpty();
      try (Resp redis = Clients.redis(backends)) {
        assertThat(redis.call("SET", "k", "v")).isEqualTo("OK");
        assertThat(redis.call("GET", "k")).isEqualTo("v");
        assertThat(redis.call("CONFIG", "GET", "appendonly")).isEqualTo("appendonly,no");
      }
      try (MongoClient mongo = Clients.mongo(backends)) {
        assertThat(Clients.insertAndFind(mongo, "c", new Document("_id", 1).append("a", "b")).getString("a"))
            .isEqualTo("b");
      }
      assertThat(dataDir.resolve("mongo/mongo.mv")).doesNotExist();
      assertThat(dataDir.resolve("postgres")).doesNotExist();
    }
    try (var files = Files.list(dataDir.resolve("redis"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".aof") || name.endsWith(".rdb"));
    }
  }

  @Test
  void nothingEmbeddedIsFine() {
    try (EmbeddedBackends backends = EmbeddedBackends.start(new BackendsOptions(dataDir, false, Set.of()))) {
      assertThat(backends.redisUrl()).isEmpty();
      assertThat(backends.mongoUrl()).isEmpty();
    }
  }

  @Test
  void aFailedStartStopsTheOthersAndSaysWhich() throws Exception {
    // a file where the PostgreSQL data directory should be
    Files.createDirectories(dataDir);
    Files.writeString(dataDir.resolve("postgres"), "not a directory");
    assertThatThrownBy(() -> EmbeddedBackends.start(
        new BackendsOptions(dataDir, false, EnumSet.of(Backend.POSTGRES, Backend.REDIS))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("POSTGRES");
    assertThat(ProcessHandle.current().descendants()
        .filter(p -> p.info().command().orElse("").contains("redis-server"))).isEmpty();
  }
}
