package io.polymart.catalog.taxonomy;

import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.search.SearchTerms;
import io.polymart.catalog.change.RowValues;
import io.polymart.core.audit.AuditActor;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.List;
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

  public Future<JsonObject> create(AuditActor actor, NewBrand brand) {
    UUID id = UUID.randomUUID();
    // through the writer, like every catalog change, so that cached search answers are dropped (the name is a term)
    return SqlSupport.mapConflicts(writer.inTransaction(change -> brands.insert(change.connection(), id,
            brand.name(), brand.slug(), brand.logoUrl())
        .compose(row -> {
          change.audit(actor, "brand.create", target(id), null, json(row));
          return terms.add(change.connection(), brand.name()).map(json(row));
        })), CONFLICTS);
  }

  public Future<JsonObject> update(AuditActor actor, UUID id, BrandChanges changes) {
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
                  .map(v -> change.auditUpdate(actor, "brand.update", target(id), json(current), json(updated)))
                  // product pages show their brand: they must leave the cache too
                  .compose(v -> brands.productIds(change.connection(), id))
                  .map(products -> {
                    products.forEach(change::touch);
                    return json(updated);
                  }));
        })), CONFLICTS);
  }

  public Future<JsonObject> delete(AuditActor actor, UUID id) {
    return writer.inTransaction(change -> brands.usage(change.connection(), id)
        .compose(row -> {
          if (!row.getBoolean("found")) {
            throw ServiceException.notFound("Brand not found");
          }
          if (row.getBoolean("used")) {
            throw ServiceException.conflict("BRAND_IN_USE", "The brand still has products");
          }
          return RowValues.read(change.connection(), "catalog.brands", id);
        })
        .compose(before -> {
          change.audit(actor, "brand.delete", target(id), RowValues.pick(before, List.of("name", "slug", "logoUrl")),
              null);
          return brands.delete(change.connection(), id);
        })
        .map((JsonObject) null));
  }

  private static String target(UUID id) {
    return "brand:" + id;
  }

  static JsonObject json(Row row) {
    return new JsonObject().put("id", row.getUUID("id").toString()).put("name", row.getString("name"))
        .put("slug", row.getString("slug")).put("logoUrl", row.getString("logo_url"));
  }
}
