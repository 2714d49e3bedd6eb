package io.polymart.catalog.taxonomy;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.UUID;

/** Brands in {@code catalog.brands}. */
public final class BrandRepository {
  Future<RowSet<Row>> all(SqlClient client) {
    return client.query("SELECT * FROM catalog.brands ORDER BY name").execute();
  }

  Future<Row> insert(SqlClient tx, UUID id, String name, String slug, String logoUrl) {
    return tx.preparedQuery("INSERT INTO catalog.brands (id, name, slug, logo_url) VALUES ($1, $2, $3, $4) RETURNING *")
        .execute(Tuple.of(id, name, slug, logoUrl))
        .map(rows -> rows.iterator().next());
  }

  /** The brand's row, locked for this transaction; null when there is none. */
  Future<Row> lock(SqlClient tx, UUID id) {
    return tx.preparedQuery("SELECT * FROM catalog.brands WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
  }

  Future<Row> update(SqlClient tx, UUID id, String name, String slug, String logoUrl) {
    return tx.preparedQuery("""
            UPDATE catalog.brands SET name = $2, slug = $3, logo_url = $4, updated_at = now()
            WHERE id = $1 RETURNING *""")
        .execute(Tuple.of(id, name, slug, logoUrl))
        .map(rows -> rows.iterator().next());
  }

  /** Whether the brand exists ({@code found}) and still has products ({@code used}). */
  Future<Row> usage(SqlClient tx, UUID id) {
    return tx.preparedQuery("""
            SELECT EXISTS (SELECT 1 FROM catalog.brands WHERE id = $1) AS found,
            EXISTS (SELECT 1 FROM catalog.products WHERE brand_id = $1) AS used""")
        .execute(Tuple.of(id))
        .map(rows -> rows.iterator().next());
  }

  Future<Void> delete(SqlClient tx, UUID id) {
    return tx.preparedQuery("DELETE FROM catalog.brands WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
  }

  /** The products of the brand: their pages show it. */
  Future<List<UUID>> productIds(SqlClient tx, UUID id) {
    return tx.preparedQuery("SELECT id FROM catalog.products WHERE brand_id = $1").execute(Tuple.of(id))
        .map(CategoryRepository::ids);
  }
}
