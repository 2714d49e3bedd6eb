package io.polymart.catalog.product;

import io.polymart.core.db.SqlSupport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.UUID;

import static io.polymart.core.db.SqlSupport.iso;

/** Products in {@code catalog.products}, with what their pages read from the tables around them. */
public final class ProductRepository {
  private static final String DETAIL = ProductJson.detailQuery();
  private static final String PRICE_HISTORY = """
      SELECT h.sku_id, h.old_price::text AS old_price, h.new_price::text AS new_price,
      h.old_original_price::text AS old_original, h.new_original_price::text AS new_original,
      h.changed_by, %s AS changed_at FROM catalog.price_history h
      JOIN catalog.skus s ON s.id = h.sku_id WHERE s.product_id = $1 AND ($2::uuid IS NULL OR s.id = $2)
      ORDER BY h.id DESC LIMIT 500""".formatted(iso("h.changed_at"));
  private static final String SELLER_FILTER = """
      WHERE p.status <> 'DELETED' AND ($1::uuid IS NULL OR p.seller_id = $1)
      AND ($2::text IS NULL OR p.status = $2)""";
  private static final String SELLER_PAGE = """
      SELECT count(*) OVER () AS total, %s AS item
      FROM catalog.products p JOIN catalog.categories c ON c.id = p.category_id
      LEFT JOIN catalog.brands b ON b.id = p.brand_id %s
      ORDER BY p.created_at DESC, p.id LIMIT $3 OFFSET $4""".formatted(ProductJson.summary("$5"), SELLER_FILTER);
  private static final String SELLER_COUNT = "SELECT count(*) FROM catalog.products p " + SELLER_FILTER;

  /** The product as the API shows it (without its detail document), or null when there is none. */
  Future<JsonObject> detail(SqlClient client, UUID id, String mediaPrefix) {
    return client.preparedQuery(DETAIL).execute(Tuple.of(id, mediaPrefix))
        .map(rows -> rows.iterator().hasNext() ? (JsonObject) rows.iterator().next().getValue("product") : null);
  }

  /** The product's status, or null when there is no such product. */
  Future<String> status(SqlClient client, UUID id) {
    return client.preparedQuery("SELECT status FROM catalog.products WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("status") : null);
  }

  /** The latest 500 price changes of the product's SKUs (of one SKU when {@code skuId} is not null). */
  Future<RowSet<Row>> priceHistory(SqlClient client, UUID id, UUID skuId) {
    return client.preparedQuery(PRICE_HISTORY).execute(Tuple.of(id, skuId));
  }

  /** A page of list items ({@code item}) with the total count ({@code total}) of all matching products. */
  Future<RowSet<Row>> sellerPage(SqlClient client, UUID sellerId, String status, int size, int offset,
      String mediaPrefix) {
    return client.preparedQuery(SELLER_PAGE).execute(Tuple.of(sellerId, status, size, offset, mediaPrefix));
  }

  Future<Long> sellerCount(SqlClient client, UUID sellerId, String status) {
    return SqlSupport.count(client, SELLER_COUNT, Tuple.of(sellerId, status));
  }

  /** Locks the product row for the rest of the transaction; null when there is none. */
  Future<OwnedProduct> lock(SqlClient tx, UUID id) {
    return tx.preparedQuery("SELECT id, seller_id, status, name FROM catalog.products WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(id))
        .map(ProductRepository::owned);
  }

  /** Locks the row of the product owning SKU {@code skuId}; null when there is no such SKU. */
  Future<OwnedProduct> lockBySku(SqlClient tx, UUID skuId) {
    return tx.preparedQuery("""
            SELECT p.id, p.seller_id, p.status, p.name FROM catalog.skus s
            JOIN catalog.products p ON p.id = s.product_id WHERE s.id = $1 FOR UPDATE OF p""")
        .execute(Tuple.of(skuId))
        .map(ProductRepository::owned);
  }

  private static OwnedProduct owned(RowSet<Row> rows) {
    if (!rows.iterator().hasNext()) {
      return null;
    }
    Row row = rows.iterator().next();
    return new OwnedProduct(row.getUUID("id"), row.getUUID("seller_id"), row.getString("status"),
        row.getString("name"));
  }

  /** Whether the category exists and is active ({@code category}) and whether the brand exists ({@code brand}). */
  Future<Row> references(SqlClient tx, UUID categoryId, UUID brandId) {
    return tx.preparedQuery("""
            SELECT EXISTS (SELECT 1 FROM catalog.categories WHERE id = $1 AND active) AS category,
            EXISTS (SELECT 1 FROM catalog.brands WHERE id = $2) AS brand""")
        .execute(Tuple.of(categoryId, brandId))
        .map(rows -> rows.iterator().next());
  }

  Future<Void> insert(SqlClient tx, UUID id, UUID sellerId, UUID categoryId, UUID brandId, String name, String slug,
      String description) {
    return tx.preparedQuery("""
            INSERT INTO catalog.products (id, seller_id, category_id, brand_id, name, slug, description)
            VALUES ($1, $2, $3, $4, $5, $6, $7)""")
        .execute(Tuple.of(id, sellerId, categoryId, brandId, name, slug).addValue(description))
        .mapEmpty();
  }

  /** Sets {@code columns} (product column names) to {@code values}, in order. */
  Future<Void> update(SqlClient tx, UUID id, List<String> columns, List<Object> values) {
    if (columns.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple params = Tuple.of(id);
    StringBuilder sets = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      params.addValue(values.get(i));
      sets.append(columns.get(i)).append(" = $").append(params.size()).append(", ");
    }
    return tx.preparedQuery("UPDATE catalog.products SET " + sets + "updated_at = now() WHERE id = $1")
        .execute(params).mapEmpty();
  }

  /** Whether the product has a SKU for sale. */
  public Future<Boolean> hasActiveSku(SqlClient tx, UUID id) {
    return tx.preparedQuery("SELECT EXISTS (SELECT 1 FROM catalog.skus WHERE product_id = $1 AND status = 'ACTIVE')")
        .execute(Tuple.of(id))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  Future<Void> publish(SqlClient tx, UUID id) {
    return tx.preparedQuery("""
            UPDATE catalog.products SET status = 'ACTIVE', published_at = coalesce(published_at, now()),
            updated_at = now() WHERE id = $1""")
        .execute(Tuple.of(id)).mapEmpty();
  }

  Future<Void> setStatus(SqlClient tx, UUID id, String status) {
    return tx.preparedQuery("UPDATE catalog.products SET status = $2, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id, status)).mapEmpty();
  }
}
