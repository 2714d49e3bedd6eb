package io.polymart.catalog.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The rows the demo loader writes itself (categories and brands) and reads to skip what is already loaded. */
final class DemoCatalogRepository {
  /** Adds the categories whose slugs are new; parents must come before their children. */
  Future<Void> insertCategories(SqlClient tx, List<DemoCategory> categories) {
    List<Tuple> rows = new ArrayList<>();
    for (DemoCategory category : categories) {
      rows.add(Tuple.of(UUID.randomUUID(), category.parentSlug(), category.name(), category.slug(),
          category.sortOrder()));
    }
    return tx.preparedQuery("""
            INSERT INTO catalog.categories (id, parent_id, name, slug, sort_order)
            VALUES ($1, (SELECT id FROM catalog.categories WHERE slug = $2), $3, $4, $5)
            ON CONFLICT (slug) DO NOTHING""").executeBatch(rows).mapEmpty();
  }

  /** Adds the brands whose slugs are new. */
  Future<Void> insertBrands(SqlClient tx, List<DemoBrand> brands) {
    List<Tuple> rows = brands.stream().map(brand -> Tuple.of(UUID.randomUUID(), brand.name(), brand.slug())).toList();
    return tx.preparedQuery("""
            INSERT INTO catalog.brands (id, name, slug) VALUES ($1, $2, $3)
            ON CONFLICT (slug) DO NOTHING""").executeBatch(rows).mapEmpty();
  }

  /** Every category and brand: {@code id}, {@code slug}, {@code kind} ('c' or 'b'). */
  Future<RowSet<Row>> taxonomyIds(SqlClient tx) {
    return tx.query("""
        SELECT id, slug, 'c' AS kind FROM catalog.categories
        UNION ALL SELECT id, slug, 'b' FROM catalog.brands""").execute();
  }

  /** The products among {@code slugs} that exist: {@code slug}, {@code id}, {@code status}, {@code images} (count). */
  Future<RowSet<Row>> products(SqlClient client, String[] slugs) {
    return client.preparedQuery("""
            SELECT p.slug, p.id, p.status, (SELECT count(*) FROM catalog.product_images im
            WHERE im.product_id = p.id) AS images FROM catalog.products p WHERE p.slug = ANY($1)""")
        .execute(Tuple.of((Object) slugs));
  }
}
