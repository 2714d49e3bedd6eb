package io.polymart.catalog.product;

import io.polymart.catalog.cache.CacheHits;
import io.polymart.catalog.cache.ProductCache;
import io.polymart.catalog.cache.ProductPage;
import io.polymart.core.bus.BusReply;
import io.polymart.core.bus.Paging;
import io.polymart.core.db.ReadReplicas;
import io.polymart.core.db.RecentWriters;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;


/**
 * Reading products: the detail (through the cache), price history and a seller's own product list. With read
 * replicas these come from a replica, a moment stale, except for a caller who just changed something
 * ({@link RecentWriters}): they read the primary, around the cache, and see their change.
 */
public final class ProductReadService {
  private final SqlClient reads;
  private final ReadReplicas replicas;
  private final RecentWriters writers;
  private final ProductRepository products;
  private final ProductDetailsRepository details;
  private final ProductCache cache;
  private final String mediaPrefix;
  private final ProductViews views;
  private final CacheHits cacheHits;

  /** {@code reads}: the primary, for the product as a change just left it. */
  public ProductReadService(SqlClient reads, ReadReplicas replicas, RecentWriters writers, ProductRepository products,
      ProductDetailsRepository details, ProductCache cache, String mediaPrefix, ProductViews views,
      CacheHits cacheHits) {
    this.reads = reads;
    this.replicas = replicas;
    this.writers = writers;
    this.products = products;
    this.details = details;
    this.cache = cache;
    this.mediaPrefix = mediaPrefix;
    this.views = views;
    this.cacheHits = cacheHits;
  }

  /** The product as stored now on the primary, bypassing the cache. */
  Future<JsonObject> load(UUID id) {
    return load(id, products.detail(reads, id, mediaPrefix));
  }

  /** One SQL statement (its result {@code product}) and one MongoDB lookup, side by side. */
  private Future<JsonObject> load(UUID id, Future<JsonObject> product) {
    Future<JsonObject> document = details.get(id);
    return Future.all(product, document).map(v -> product.result() == null ? null
        : product.result().put("details", document.result()));
  }

  /**
   * The product page, from the cache (filled from a replica) when possible, from the primary for a caller who just
   * changed something; a shopper's view of it is published ({@link ProductViews}).
   */
  public Future<BusReply> get(UUID id, Caller caller, String visitorId) {
    // a guest has written nothing: no need to ask (the hot path)
    Future<ProductCache.Lookup> found = caller.userId() == null ? cached(id)
        : writers.wroteRecently(caller.uuid()).compose(justWrote -> justWrote ? fromPrimary(id) : cached(id));
    return found.map(lookup -> {
      ProductPage page = lookup.page();
      if (page == null || !visible(page, caller)) {
        throw ServiceException.notFound("Product not found");
      }
      views.viewed(page, caller.userId(), visitorId);
      return BusReply.encoded(page.json(), Map.of(BusReply.X_CACHE, lookup.hit() ? "HIT" : "MISS",
          BusReply.ETAG, page.etag()));
    });
  }

  private Future<ProductCache.Lookup> cached(UUID id) {
    return cache.get(id, () -> load(id, replicas.read(sql -> products.detail(sql, id, mediaPrefix)))
        .map(product -> product == null ? null : product.encode())).onSuccess(lookup -> cacheHits.record(lookup.hit()));
  }

  /** Around the cache, for a caller who just changed something: the product as their change left it. */
  private Future<ProductCache.Lookup> fromPrimary(UUID id) {
    return load(id).map(product -> new ProductCache.Lookup(product == null ? null : ProductPage.of(product.encode()),
        false));
  }

  /** Buyers see active products; sellers also their own drafts and withdrawn ones; admins everything. */
  private static boolean visible(ProductPage page, Caller caller) {
    String status = page.status();
    if ("ACTIVE".equals(status)) {
      return true;
    }
    if ("DELETED".equals(status)) {
      return caller.isAdmin();
    }
    return caller.isAdmin() || (caller.userId() != null && caller.userId().equals(page.sellerId()));
  }

  /** The product's price changes, of all its SKUs or of {@code sku} only. */
  public Future<JsonObject> priceHistory(UUID id, UUID sku, Caller caller) {
    return read(caller, sql -> products.status(sql, id)
        .compose(status -> {
          if (!"ACTIVE".equals(status)) {
            throw ServiceException.notFound("Product not found");
          }
          return products.priceHistory(sql, id, sku);
        }))
        .map(rows -> {
          JsonArray items = new JsonArray();
          for (Row row : rows) {
            items.add(new JsonObject().put("skuId", row.getUUID("sku_id").toString())
                .put("oldPrice", row.getString("old_price")).put("newPrice", row.getString("new_price"))
                .put("oldOriginalPrice", row.getString("old_original"))
                .put("newOriginalPrice", row.getString("new_original"))
                .put("changedBy", row.getUUID("changed_by") == null ? null : row.getUUID("changed_by").toString())
                .put("changedAt", row.getString("changed_at")));
          }
          return new JsonObject().put("items", items);
        });
  }

  /** A seller's own products in every status but DELETED (admins: everyone's), newest first. */
  public Future<JsonObject> sellerProducts(Caller caller, Paging paging, String status) {
    if (status != null && !java.util.Set.of("DRAFT", "ACTIVE", "INACTIVE").contains(status)) {
      throw ServiceException.invalidField("status", "must be DRAFT, ACTIVE or INACTIVE");
    }
    UUID seller = caller.isAdmin() ? null : caller.uuid();
    return read(caller, sql -> products.sellerPage(sql, seller, status, paging.size(), paging.offset(), mediaPrefix)
        .compose(rows -> SqlSupport.countedPage(rows, paging, row -> row.getValue("item"),
            () -> products.sellerCount(sql, seller, status))));
  }

  private <T> Future<T> read(Caller caller, Function<SqlClient, Future<T>> query) {
    return writers.read(caller.userId() == null ? null : caller.uuid(), replicas, query);
  }
}
