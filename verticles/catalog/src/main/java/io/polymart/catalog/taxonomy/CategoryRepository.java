package io.polymart.catalog.taxonomy;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Categories in {@code catalog.categories}. */
public final class CategoryRepository {
  /** Active categories, in display order. */
  Future<RowSet<Row>> active(SqlClient client) {
    return client.query("""
        SELECT id, parent_id, name, slug, sort_order, active FROM catalog.categories
        WHERE active ORDER BY sort_order, name""").execute();
  }

  Future<Row> insert(SqlClient tx, UUID id, UUID parentId, String name, String slug, int sortOrder, boolean active) {
    return tx.preparedQuery("""
            INSERT INTO catalog.categories (id, parent_id, name, slug, sort_order, active)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING *""")
        .execute(Tuple.of(id, parentId, name, slug, sortOrder, active))
        .map(rows -> rows.iterator().next());
  }

  /** The category's row, locked for this transaction; null when there is none. */
  Future<Row> lock(SqlClient tx, UUID id) {
    return tx.preparedQuery("SELECT * FROM catalog.categories WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
  }

  Future<Row> update(SqlClient tx, UUID id, UUID parentId, String name, String slug, int sortOrder, boolean active) {
    return tx.preparedQuery("""
            UPDATE catalog.categories SET parent_id = $2, name = $3, slug = $4, sort_order = $5, active = $6,
            updated_at = now() WHERE id = $1 RETURNING *""")
        .execute(Tuple.of(id, parentId, name, slug, sortOrder, active))
        .map(rows -> rows.iterator().next());
  }

  /** Whether the category still has products ({@code products}) or sub-categories ({@code children}). */
  Future<Row> usage(SqlClient tx, UUID id) {
    return tx.preparedQuery("""
            SELECT EXISTS (SELECT 1 FROM catalog.products WHERE category_id = $1) AS products,
            EXISTS (SELECT 1 FROM catalog.categories WHERE parent_id = $1) AS children""")
        .execute(Tuple.of(id))
        .map(rows -> rows.iterator().next());
  }

  Future<Void> delete(SqlClient tx, UUID id) {
    return tx.preparedQuery("DELETE FROM catalog.categories WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
  }

  /**
   * Walks up from {@code parentId}: {@code found} is 0 when it does not exist, {@code cycle} counts how often
   * {@code self} is among it and its ancestors.
   */
  Future<Row> ancestry(SqlClient tx, UUID parentId, UUID self) {
    return tx.preparedQuery("""
            WITH RECURSIVE up AS (SELECT id, parent_id FROM catalog.categories WHERE id = $1
            UNION ALL SELECT c.id, c.parent_id FROM catalog.categories c JOIN up ON c.id = up.parent_id)
            SELECT count(*) AS found, count(*) FILTER (WHERE id = $2) AS cycle FROM up""")
        .execute(Tuple.of(parentId, self))
        .map(rows -> rows.iterator().next());
  }

  /** The products in the category: their pages show it. */
  Future<List<UUID>> productIds(SqlClient tx, UUID id) {
    return tx.preparedQuery("SELECT id FROM catalog.products WHERE category_id = $1").execute(Tuple.of(id))
        .map(CategoryRepository::ids);
  }

  static List<UUID> ids(RowSet<Row> rows) {
    List<UUID> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.getUUID("id")));
    return ids;
  }
}
