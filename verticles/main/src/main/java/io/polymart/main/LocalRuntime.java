package io.polymart.main;

import io.polymart.backends.Backend;
import io.polymart.backends.BackendsOptions;
import io.polymart.backends.DataDirectoryLock;
import io.polymart.backends.EmbeddedBackends;
import io.polymart.core.config.ConfigRules;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a process needs before verticles deploy: the data-directory lock, an embedded server for each
 * backend conf leaves without an address, and (local mode) the generated JWT key. Fills the
 * addresses into the configuration.
 */
public final class LocalRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);
  private final DataDirectoryLock lock;
  private final EmbeddedBackends backends;

  private LocalRuntime(DataDirectoryLock lock, EmbeddedBackends backends) {
    this.lock = lock;
    this.backends = backends;
  }

  /** Mutates {@code config}: every backend address and the JWT secret are set afterwards. */
  public static LocalRuntime prepare(JsonObject config, boolean persistent) throws Exception {
    Path dataDir = Path.of(config.getString("dataDir")).toAbsolutePath().normalize();
    config.put("dataDir", dataDir.toString());
    Set<Backend> embedded = missingBackends(config);
    boolean local = ConfigRules.MODE_LOCAL.equals(config.getString("mode"));
    DataDirectoryLock lock = local || !embedded.isEmpty() ? DataDirectoryLock.acquire(dataDir) : null;
    EmbeddedBackends backends = null;
    try {
      logExternal(config, embedded);
      if (!embedded.isEmpty()) {
        backends = EmbeddedBackends.start(new BackendsOptions(dataDir, persistent, embedded)).ownedByCaller();
        fillAddresses(config, backends);
      }
      JsonObject jwt = config.getJsonObject("jwt");
      if (jwt.getString("secret").isEmpty()) {
        jwt.put("secret", JwtSecretFile.loadOrCreate(dataDir));
      }
      return new LocalRuntime(lock, backends);
    } catch (Exception | Error e) {
      if (backends != null) {
        backends.close();
      }
      if (lock != null) {
        lock.close();
      }
      throw e;
    }
  }

  static Set<Backend> missingBackends(JsonObject config) {
    Set<Backend> missing = EnumSet.noneOf(Backend.class);
    if (config.getJsonObject("pg").getString("url").isBlank()) {
      missing.add(Backend.POSTGRES);
    }
    if (config.getJsonObject("redis").getString("url").isBlank()) {
      missing.add(Backend.REDIS);
    }
    if (config.getJsonObject("kafka").getString("bootstrapServers").isBlank()) {
      missing.add(Backend.KAFKA);
    }
    if (config.getJsonObject("mongo").getString("url").isBlank()) {
      missing.add(Backend.MONGO);
    }
    if (config.getJsonObject("s3").getString("endpoint").isBlank()) {
      missing.add(Backend.S3);
    }
    return missing;
  }

  private static void fillAddresses(JsonObject config, EmbeddedBackends backends) {
    backends.postgresUrl().ifPresent(url -> config.getJsonObject("pg").put("url", url));
    backends.postgresSocketDirectory()
        .ifPresent(dir -> config.getJsonObject("pg").put("socketDirectory", dir));
    JsonObject pg = config.getJsonObject("pg");
    for (int i = 0; i < pg.getInteger("embeddedReplicas"); i++) {
      pg.getJsonArray("replicaUrls").add(backends.startPostgresReplica());
    }
    backends.redisUrl().ifPresent(url -> config.getJsonObject("redis").put("url", url));
    backends.kafkaBootstrapServers().ifPresent(servers -> config.getJsonObject("kafka").put("bootstrapServers", servers));
    backends.mongoUrl().ifPresent(url -> config.getJsonObject("mongo").put("url", url));
    backends.s3().ifPresent(s3 -> config.getJsonObject("s3")
        .put("endpoint", s3.url()).put("accessKey", s3.accessKey()).put("secretKey", s3.secretKey()));
  }

  private static void logExternal(JsonObject config, Set<Backend> embedded) {
    if (!embedded.contains(Backend.POSTGRES)) {
      LOG.info("PostgreSQL external at {}", withoutCredentials(config.getJsonObject("pg").getString("url")));
    }
    if (!embedded.contains(Backend.REDIS)) {
      LOG.info("Redis external at {}", withoutCredentials(config.getJsonObject("redis").getString("url")));
    }
    if (!embedded.contains(Backend.KAFKA)) {
      LOG.info("Kafka external at {}", config.getJsonObject("kafka").getString("bootstrapServers"));
    }
    if (!embedded.contains(Backend.MONGO)) {
      LOG.info("MongoDB external at {}", withoutCredentials(config.getJsonObject("mongo").getString("url")));
    }
    if (!embedded.contains(Backend.S3)) {
      LOG.info("S3 external at {}", config.getJsonObject("s3").getString("endpoint"));
    }
  }

  static String withoutCredentials(String url) {
    return url.replaceFirst("//[^/@]*@", "//***@");
  }

  @Override
  public void close() {
    if (backends != null) {
      backends.close();
    }
    if (lock != null) {
      lock.close();
    }
  }
}
