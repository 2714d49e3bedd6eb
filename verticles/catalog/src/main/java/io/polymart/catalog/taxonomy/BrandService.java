package io.polymart.catalog.taxonomy;

import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.search.SearchTerms;
import io.polymart.core.bus.BusRequest;
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

  public Future<JsonObject> list(BusRequest request) {
    return brands.all(pool).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(row -> items.add(json(row)));
      return new JsonObject().put("items", items);
    });
  }

  public Future<JsonObject> create(BusRequest request) {
    request.requireRole("admin");
    JsonObject body = request.body();
    String name = body.getString("name").trim();
    return SqlSupport.mapConflicts(pool.withTransaction(tx -> brands.insert(tx, UUID.randomUUID(), name,
            body.getString("slug"), body.getString("logoUrl"))
        .compose(row -> terms.add(tx, name).map(json(row)))), CONFLICTS);
  }

  public Future<JsonObject> update(BusRequest request) {
    request.requireRole("admin");
    UUID id = request.uuidParam("id", "Brand");
    JsonObject body = request.body();
    return SqlSupport.mapConflicts(writer.inTransaction(change -> brands.lock(change.connection(), id)
        .compose(current -> {
          if (current == null) {
            throw ServiceException.notFound("Brand not found");
          }
          String name = body.getString("name", current.getString("name")).trim();
          String logo = body.containsKey("logoUrl") ? body.getString("logoUrl") : current.getString("logo_url");
          return brands.update(change.connection(), id, name, body.getString("slug", current.getString("slug")), logo)
              .compose(updated -> terms.add(change.connection(), name)
                  // product pages show their brand: they must leave the cache too
                  .compose(v -> brands.productIds(change.connection(), id))
                  .map(products -> {
                    products.forEach(change::touch);
                    return json(updated);
                  }));
        })), CONFLICTS);
  }

  public Future<JsonObject> delete(BusRequest request) {
    request.requireRole("admin");
    UUID id = request.uuidParam("id", "Brand");
    return pool.withTransaction(tx -> brands.usage(tx, id)
        .compose(row -> {
          if (!row.getBoolean("found")) {
            throw ServiceException.notFound("Brand not found");
          }
          if (row.getBoolean("used")) {
            throw ServiceException.conflict("BRAND_IN_USE", "The brand still has products");
          }
          return brands.delete(tx, id);
        })
        .map((JsonObject) null));
  }

  static JsonObject json(Row row) {
    return new JsonObject().put("id", row.getUUID("id").toString()).put("name", row.getString("name"))
        .put("slug", row.getString("slug")).put("logoUrl", row.getString("logo_url"));
  }
}
