package io.polymart.catalog.product;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/** Who may change a product: its seller, or an admin. A deleted product can no longer be changed. */
public final class ProductGuard {
  public record OwnedProduct(UUID id, UUID sellerId, String status, String name) {
  }

  private ProductGuard() {
  }

  static boolean isAdmin(BusRequest request) {
    return request.roles().contains("admin");
  }

  static void requireSeller(BusRequest request) {
    if (!isAdmin(request) && !request.roles().contains("seller")) {
      throw ServiceException.forbidden("This action requires the seller role");
    }
  }

  /** Locks the product row for the rest of the transaction and checks the caller may change it. */
  public static Future<OwnedProduct> lockForChange(SqlClient tx, UUID productId, BusRequest request) {
    requireSeller(request);
    return lockAsPlatform(tx, productId).map(product -> check(product, request));
  }

  /** Locks the product for a change the platform itself makes (no caller to check). */
  public static Future<OwnedProduct> lockAsPlatform(SqlClient tx, UUID productId) {
    return tx.preparedQuery("SELECT id, seller_id, status, name FROM catalog.products WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(productId))
        .map(rows -> {
          if (!rows.iterator().hasNext()) {
            throw ServiceException.notFound("Product not found");
          }
          return product(rows.iterator().next());
        });
  }

  /** The same check for the product owning SKU {@code skuId}. */
  public static Future<OwnedProduct> lockForSkuChange(SqlClient tx, UUID skuId, BusRequest request) {
    requireSeller(request);
    return tx.preparedQuery("SELECT p.id, p.seller_id, p.status, p.name FROM catalog.skus s "
            + "JOIN catalog.products p ON p.id = s.product_id WHERE s.id = $1 FOR UPDATE OF p")
        .execute(Tuple.of(skuId))
        .map(rows -> {
          if (!rows.iterator().hasNext()) {
            throw ServiceException.notFound("SKU not found");
          }
          return check(product(rows.iterator().next()), request);
        });
  }

  private static OwnedProduct product(Row row) {
    return new OwnedProduct(row.getUUID("id"), row.getUUID("seller_id"), row.getString("status"),
        row.getString("name"));
  }

  private static OwnedProduct check(OwnedProduct product, BusRequest request) {
    if (!isAdmin(request) && !product.sellerId().equals(request.userUuid())) {
      throw ServiceException.forbidden("This product belongs to another seller");
    }
    if ("DELETED".equals(product.status())) {
      throw ServiceException.conflict("INVALID_STATE", "A deleted product cannot be changed");
    }
    return product;
  }
}
