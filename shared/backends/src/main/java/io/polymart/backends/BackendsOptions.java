package io.polymart.backends;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link EmbeddedBackends#start(BackendsOptions)} starts and where it keeps the data.
 *
 * @param dataDir where data lives ({@code ./data} in local mode, a temporary directory in tests); each backend uses
 *     its own sub-directory: {@code postgres/}, {@code redis/}, {@code kafka/}, {@code mongo/}, {@code s3/}
 * @param persistent {@code true} in local mode: data survives a restart (MongoDB on an H2 file, Redis with an
 *     append-only file, PostgreSQL with fsync); {@code false} in tests: MongoDB in memory, Redis without persistence,
 *     PostgreSQL without fsync (PostgreSQL and Kafka still keep their files under {@code dataDir})
 * @param embedded the backends to start; the others are external and not touched
 */
public record BackendsOptions(Path dataDir, boolean persistent, Set<Backend> embedded) {

  public BackendsOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(embedded, "embedded");
    dataDir = dataDir.toAbsolutePath().normalize();
    embedded = embedded.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(embedded));
  }

  /** All five backends embedded. */
  public static BackendsOptions allEmbedded(Path dataDir, boolean persistent) {
    return new BackendsOptions(dataDir, persistent, EnumSet.allOf(Backend.class));
  }

  public boolean isEmbedded(Backend backend) {
    return embedded.contains(backend);
  }
}
