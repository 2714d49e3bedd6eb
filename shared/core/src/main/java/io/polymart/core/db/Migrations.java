package io.polymart.core.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code schemas/sql/<verticle>/V<n>__<what>.sql} to the verticle's own schema with Flyway.
 * Flyway takes a PostgreSQL advisory lock, so several instances or nodes may call this at once; within one Vert.x
 * instance, a schema is migrated once.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  /** The Vert.x-local map of the schemas this Vert.x instance has migrated. */
  private static final String DONE = "polymart.migrations.done";

  private Migrations() {
  }

  public static Future<Void> apply(Vertx vertx, PgSettings pg, String verticle) {
    // Flyway's advisory lock serialises nodes; the local lock keeps instances in this JVM from racing to create the
    // schema, and the first to finish spares the others (and instances added later) a Flyway run of their own
    LocalMap<String, Boolean> done = vertx.sharedData().getLocalMap(DONE);
    return vertx.sharedData().withLocalLock("polymart.migrations." + verticle, () -> vertx.executeBlocking(() -> {
      if (done.containsKey(verticle)) {
        return null;
      }
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
      done.put(verticle, true);
      return null;
    })).mapEmpty();
  }
}
