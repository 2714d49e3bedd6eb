package io.polymart.catalog.inventory;

import io.polymart.catalog.CatalogFixture;
import io.polymart.core.db.PgSettings;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** V2 on a catalog that already has reservations: lines stored before it learn their seller; RESTORED is allowed. */
class StockRestoreMigrationTest {
  @Test
  void reservationLinesStoredBeforeV2LearnTheirSeller() throws SQLException {
    PgSettings pg = PgSettings.from(CatalogFixture.config());
    String schema = "v2_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    migrate(pg, schema, "1");
    UUID seller = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    UUID sku = UUID.randomUUID();
    try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
         Statement sql = connection.createStatement()) {
      sql.execute("SET search_path TO " + schema + ", public");
      UUID category = UUID.randomUUID();
      sql.execute("INSERT INTO categories (id, name, slug) VALUES ('" + category + "', 'C', '" + schema + "')");
      sql.execute("INSERT INTO products (id, seller_id, category_id, name, slug) VALUES ('" + product + "', '"
          + seller + "', '" + category + "', 'P', '" + schema + "')");
      sql.execute("INSERT INTO skus (id, product_id, code, price) VALUES ('" + sku + "', '" + product + "', '"
          + schema + "', 1)");
      sql.execute("INSERT INTO reservations (id, status, expires_at) VALUES ('old', 'CONFIRMED', now())");
      sql.execute("INSERT INTO reservation_lines (reservation_id, sku_id, product_id, quantity, unit_price, snapshot) "
          + "VALUES ('old', '" + sku + "', '" + product + "', 1, 1, '{\"code\": \"c\", \"name\": \"P\"}')");

      migrate(pg, schema, "2");

      try (ResultSet line = sql.executeQuery("SELECT snapshot->>'sellerId', snapshot->>'code' FROM reservation_lines")) {
        assertThat(line.next()).isTrue();
        assertThat(line.getString(1)).isEqualTo(seller.toString());
        assertThat(line.getString(2)).isEqualTo("c");
      }
      sql.execute("UPDATE reservations SET status = 'RESTORED' WHERE id = 'old'");
    } finally {
      try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
           Statement sql = connection.createStatement()) {
        sql.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static void migrate(PgSettings pg, String schema, String version) {
    Flyway.configure(StockRestoreMigrationTest.class.getClassLoader())
        .dataSource(pg.jdbcUrl(), pg.user(), pg.password())
        .schemas(schema)
        .createSchemas(true)
        .locations("classpath:schemas/sql/catalog")
        .target(version)
        .load()
        .migrate();
  }
}
