package io.polymart.catalog.product;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.util.UUID;

/** Who may change a product: its seller, or an admin. A deleted product can no longer be changed. */
public final class ProductGuard {
  private final ProductRepository products;

  public ProductGuard(ProductRepository products) {
    this.products = products;
  }

  /** Locks the product row for the rest of the transaction and checks the caller may change it. */
  public Future<OwnedProduct> lockForChange(SqlClient tx, UUID productId, Caller caller) {
    caller.requireSeller();
    return lockAsPlatform(tx, productId).map(product -> check(product, caller));
  }

  /** Locks the product for a change the platform itself makes (no caller to check). */
  public Future<OwnedProduct> lockAsPlatform(SqlClient tx, UUID productId) {
    return products.lock(tx, productId).map(product -> {
      if (product == null) {
        throw ServiceException.notFound("Product not found");
      }
      return product;
    });
  }

  /** The same check for the product owning SKU {@code skuId}. */
  public Future<OwnedProduct> lockForSkuChange(SqlClient tx, UUID skuId, Caller caller) {
    caller.requireSeller();
    return products.lockBySku(tx, skuId).map(product -> {
      if (product == null) {
        throw ServiceException.notFound("SKU not found");
      }
      return check(product, caller);
    });
  }

  private static OwnedProduct check(OwnedProduct product, Caller caller) {
    if (!caller.isAdmin() && !product.sellerId().equals(caller.uuid())) {
      throw ServiceException.forbidden("This product belongs to another seller");
    }
    if ("DELETED".equals(product.status())) {
      throw ServiceException.conflict("INVALID_STATE", "A deleted product cannot be changed");
    }
    return product;
  }
}
