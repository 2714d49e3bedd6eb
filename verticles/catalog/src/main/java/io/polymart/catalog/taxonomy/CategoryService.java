package io.polymart.catalog.taxonomy;

import io.polymart.catalog.change.CatalogWriter;
import io.polymart.catalog.product.BodyFields;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The category tree: public listing and admin maintenance. */
public final class CategoryService {
  private static final Map<String, ServiceException> CONFLICTS = Map.of(
      "categories_slug_key", ServiceException.conflict("SLUG_TAKEN", "Another category has this slug"));
  private final Pool pool;
  private final CatalogWriter writer;

  public CategoryService(Pool pool, CatalogWriter writer) {
    this.pool = pool;
    this.writer = writer;
  }

  /** Active categories as a tree; a category under an inactive parent is hidden with it. */
  public Future<JsonObject> tree(BusRequest request) {
    return pool.query("SELECT id, parent_id, name, slug, sort_order, active FROM catalog.categories "
        + "WHERE active ORDER BY sort_order, name").execute().map(rows -> {
          Map<UUID, JsonObject> byId = new LinkedHashMap<>();
          List<Row> all = new ArrayList<>();
          rows.forEach(row -> {
            byId.put(row.getUUID("id"), json(row).put("children", new JsonArray()));
            all.add(row);
          });
          JsonArray roots = new JsonArray();
          for (Row row : all) {
            JsonObject node = byId.get(row.getUUID("id"));
            UUID parent = row.getUUID("parent_id");
            if (parent == null) {
              roots.add(node);
            } else if (byId.containsKey(parent)) {
              byId.get(parent).getJsonArray("children").add(node);
            }
          }
          return new JsonObject().put("items", roots);
        });
  }

  public Future<JsonObject> create(BusRequest request) {
    request.requireRole("admin");
    JsonObject body = request.body();
    UUID parentId = BodyFields.uuid(body, "parentId");
    UUID id = UUID.randomUUID();
    return SqlSupport.mapConflicts(pool.withTransaction(tx -> requireParent(tx, parentId, null)
        .compose(v -> tx.preparedQuery("INSERT INTO catalog.categories (id, parent_id, name, slug, sort_order, active) "
                + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING *")
            .execute(Tuple.of(id, parentId, body.getString("name").trim(), body.getString("slug"),
                body.getInteger("sortOrder", 0), body.getBoolean("active", true))))
        .map(rows -> json(rows.iterator().next()))), CONFLICTS);
  }

  public Future<JsonObject> update(BusRequest request) {
    request.requireRole("admin");
    UUID id = request.uuidParam("id", "Category");
    JsonObject body = request.body();
    return SqlSupport.mapConflicts(writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return tx.preparedQuery("SELECT * FROM catalog.categories WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
          .compose(rows -> {
            if (!rows.iterator().hasNext()) {
              throw ServiceException.notFound("Category not found");
            }
            Row current = rows.iterator().next();
            UUID parentId = body.containsKey("parentId") ? BodyFields.uuid(body, "parentId") : current.getUUID("parent_id");
            return requireParent(tx, parentId, id).compose(v -> tx.preparedQuery(
                    "UPDATE catalog.categories SET parent_id = $2, name = $3, slug = $4, sort_order = $5, active = $6, "
                        + "updated_at = now() WHERE id = $1 RETURNING *")
                .execute(Tuple.of(id, parentId, body.getString("name", current.getString("name")).trim(),
                    body.getString("slug", current.getString("slug")),
                    body.getInteger("sortOrder", current.getInteger("sort_order")),
                    body.getBoolean("active", current.getBoolean("active")))));
          })
          .compose(rows -> ProductPages.touchAll(change, "category_id", id).map(json(rows.iterator().next())));
    }), CONFLICTS);
  }

  public Future<JsonObject> delete(BusRequest request) {
    request.requireRole("admin");
    UUID id = request.uuidParam("id", "Category");
    return pool.withTransaction(tx -> tx.preparedQuery("SELECT id FROM catalog.categories WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(id))
        .compose(rows -> {
          if (!rows.iterator().hasNext()) {
            throw ServiceException.notFound("Category not found");
          }
          return tx.preparedQuery("SELECT EXISTS (SELECT 1 FROM catalog.products WHERE category_id = $1) AS products, "
              + "EXISTS (SELECT 1 FROM catalog.categories WHERE parent_id = $1) AS children").execute(Tuple.of(id));
        })
        .compose(rows -> {
          Row use = rows.iterator().next();
          if (use.getBoolean("products") || use.getBoolean("children")) {
            throw ServiceException.conflict("CATEGORY_IN_USE",
                "The category still has " + (use.getBoolean("products") ? "products" : "sub-categories"));
          }
          return tx.preparedQuery("DELETE FROM catalog.categories WHERE id = $1").execute(Tuple.of(id));
        })
        .map((JsonObject) null));
  }

  /** The parent must exist and must not be the category itself or one of its descendants (no cycles). */
  private static Future<Void> requireParent(SqlClient tx, UUID parentId, UUID self) {
    if (parentId == null) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery("WITH RECURSIVE up AS (SELECT id, parent_id FROM catalog.categories WHERE id = $1 "
            + "UNION ALL SELECT c.id, c.parent_id FROM catalog.categories c JOIN up ON c.id = up.parent_id) "
            + "SELECT count(*) AS found, count(*) FILTER (WHERE id = $2) AS cycle FROM up")
        .execute(Tuple.of(parentId, self))
        .map(rows -> {
          Row row = rows.iterator().next();
          if (row.getLong("found") == 0) {
            throw ServiceException.invalidField("parentId", "no such category");
          }
          if (row.getLong("cycle") > 0) {
            throw ServiceException.invalidField("parentId", "would put the category inside itself");
          }
          return null;
        });
  }

  static JsonObject json(Row row) {
    return new JsonObject().put("id", row.getUUID("id").toString())
        .put("name", row.getString("name")).put("slug", row.getString("slug"))
        .put("parentId", row.getUUID("parent_id") == null ? null : row.getUUID("parent_id").toString())
        .put("sortOrder", row.getInteger("sort_order")).put("active", row.getBoolean("active"));
  }
}
