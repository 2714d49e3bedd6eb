package io.polymart.core.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code schemas/sql/<verticle>/V<n>__<what>.sql} to the verticle's own schema with Flyway.
 * Flyway takes a PostgreSQL advisory lock, so several instances or nodes may call this at once.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {
  }

  public static Future<Void> apply(Vertx vertx, PgSettings pg, String verticle) {
    // Flyway's advisory lock serialises nodes; the local lock keeps instances in this JVM from racing to create the schema.
    return vertx.sharedData().withLocalLock("polymart.migrations." + verticle, () -> vertx.executeBlocking(() -> {
      MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(pg.jdbcUrl(), pg.user(), pg.password())
          .schemas(verticle)
          .createSchemas(true)
          .locations("classpath:schemas/sql/" + verticle)
          .failOnMissingLocations(true)
          .load()
          .migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("Schema {} migrated to version {} ({} migrations)", verticle, result.targetSchemaVersion,
            result.migrationsExecuted);
      }
      return null;
    })).mapEmpty();
  }
}
