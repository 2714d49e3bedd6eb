package io.polymart.catalog.taxonomy;

import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.search.SearchTerms;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.Map;
import java.util.UUID;

/** Brands: public listing and admin maintenance. */
public final class BrandService {
  private static final Map<String, ServiceException> CONFLICTS = Map.of(
      "brands_slug_key", ServiceException.conflict("SLUG_TAKEN", "Another brand has this slug"));
  private final Pool pool;
  private final CatalogTransactions writer;
  private final BrandRepository brands;
  private final SearchTerms terms;

  public BrandService(Pool pool, CatalogTransactions writer, BrandRepository brands, SearchTerms terms) {
    this.pool = pool;
    this.writer = writer;
    this.brands = brands;
    this.terms = terms;
  }

  public Future<JsonObject> list() {
    return brands.all(pool).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(row -> items.add(json(row)));
      return new JsonObject().put("items", items);
    });
  }

  public Future<JsonObject> create(NewBrand brand) {
    // through the writer, like every catalog change, so that cached search answers are dropped (the name is a term)
    return SqlSupport.mapConflicts(writer.inTransaction(change -> brands.insert(change.connection(), UUID.randomUUID(),
            brand.name(), brand.slug(), brand.logoUrl())
        .compose(row -> terms.add(change.connection(), brand.name()).map(json(row)))), CONFLICTS);
  }

  public Future<JsonObject> update(UUID id, BrandChanges changes) {
    return SqlSupport.mapConflicts(writer.inTransaction(change -> brands.lock(change.connection(), id)
        .compose(current -> {
          if (current == null) {
            throw ServiceException.notFound("Brand not found");
          }
          String name = changes.name() != null ? changes.name() : current.getString("name").trim();
          String slug = changes.slug() != null ? changes.slug() : current.getString("slug");
          String logo = changes.logoGiven() ? changes.logoUrl() : current.getString("logo_url");
          return brands.update(change.connection(), id, name, slug, logo)
              .compose(updated -> terms.add(change.connection(), name)
                  // product pages show their brand: they must leave the cache too
                  .compose(v -> brands.productIds(change.connection(), id))
                  .map(products -> {
                    products.forEach(change::touch);
                    return json(updated);
                  }));
        })), CONFLICTS);
  }

  public Future<JsonObject> delete(UUID id) {
    return writer.inTransaction(change -> brands.usage(change.connection(), id)
        .compose(row -> {
          if (!row.getBoolean("found")) {
            throw ServiceException.notFound("Brand not found");
          }
          if (row.getBoolean("used")) {
            throw ServiceException.conflict("BRAND_IN_USE", "The brand still has products");
          }
          return brands.delete(change.connection(), id);
        })
        .map((JsonObject) null));
  }

  static JsonObject json(Row row) {
    return new JsonObject().put("id", row.getUUID("id").toString()).put("name", row.getString("name"))
        .put("slug", row.getString("slug")).put("logoUrl", row.getString("logo_url"));
  }
}
