package io.polymart.catalog.taxonomy;

import io.polymart.catalog.change.CatalogWriter;
import io.polymart.catalog.search.SearchTerms;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

/** Brands: public listing and admin maintenance. */
public final class BrandService {
  private static final Map<String, ServiceException> CONFLICTS = Map.of(
      "brands_slug_key", ServiceException.conflict("SLUG_TAKEN", "Another brand has this slug"));
  private final Pool pool;
  private final CatalogWriter writer;
  private final SearchTerms terms;

  public BrandService(Pool pool, CatalogWriter writer, SearchTerms terms) {
    this.pool = pool;
    this.writer = writer;
    this.terms = terms;
  }

  public Future<JsonObject> list(BusRequest request) {
    return pool.query("SELECT * FROM catalog.brands ORDER BY name").execute().map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(row -> items.add(json(row)));
      return new JsonObject().put("items", items);
    });
  }

  public Future<JsonObject> create(BusRequest request) {
    request.requireRole("admin");
    JsonObject body = request.body();
    String name = body.getString("name").trim();
    return SqlSupport.mapConflicts(pool.withTransaction(tx -> tx.preparedQuery(
            "INSERT INTO catalog.brands (id, name, slug, logo_url) VALUES ($1, $2, $3, $4) RETURNING *")
        .execute(Tuple.of(UUID.randomUUID(), name, body.getString("slug"), body.getString("logoUrl")))
        .compose(rows -> terms.add(tx, name).map(json(rows.iterator().next())))), CONFLICTS);
  }

  public Future<JsonObject> update(BusRequest request) {
    request.requireRole("admin");
    UUID id = request.uuidParam("id", "Brand");
    JsonObject body = request.body();
    return SqlSupport.mapConflicts(writer.inTransaction(change -> change.connection().preparedQuery(
            "SELECT * FROM catalog.brands WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .compose(rows -> {
          if (!rows.iterator().hasNext()) {
            throw ServiceException.notFound("Brand not found");
          }
          Row current = rows.iterator().next();
          String name = body.getString("name", current.getString("name")).trim();
          String logo = body.containsKey("logoUrl") ? body.getString("logoUrl") : current.getString("logo_url");
          return change.connection().preparedQuery("UPDATE catalog.brands SET name = $2, slug = $3, logo_url = $4, "
                  + "updated_at = now() WHERE id = $1 RETURNING *")
              .execute(Tuple.of(id, name, body.getString("slug", current.getString("slug")), logo))
              .compose(updated -> terms.add(change.connection(), name)
                  .compose(v -> ProductPages.touchAll(change, "brand_id", id))
                  .map(json(updated.iterator().next())));
        })), CONFLICTS);
  }

  public Future<JsonObject> delete(BusRequest request) {
    request.requireRole("admin");
    UUID id = request.uuidParam("id", "Brand");
    return pool.withTransaction(tx -> tx.preparedQuery("SELECT EXISTS (SELECT 1 FROM catalog.brands WHERE id = $1) AS found, "
            + "EXISTS (SELECT 1 FROM catalog.products WHERE brand_id = $1) AS used").execute(Tuple.of(id))
        .compose(rows -> {
          Row row = rows.iterator().next();
          if (!row.getBoolean("found")) {
            throw ServiceException.notFound("Brand not found");
          }
          if (row.getBoolean("used")) {
            throw ServiceException.conflict("BRAND_IN_USE", "The brand still has products");
          }
          return tx.preparedQuery("DELETE FROM catalog.brands WHERE id = $1").execute(Tuple.of(id));
        })
        .map((JsonObject) null));
  }

  static JsonObject json(Row row) {
    return new JsonObject().put("id", row.getUUID("id").toString()).put("name", row.getString("name"))
        .put("slug", row.getString("slug")).put("logoUrl", row.getString("logo_url"));
  }
}
