package io.polymart.catalog.taxonomy;

import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.core.audit.AuditActor;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

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
  private final CatalogTransactions writer;
  private final CategoryRepository categories;

  public CategoryService(Pool pool, CatalogTransactions writer, CategoryRepository categories) {
    this.pool = pool;
    this.writer = writer;
    this.categories = categories;
  }

  /** Active categories as a tree; a category under an inactive parent is hidden with it. */
  public Future<JsonObject> tree() {
    return categories.active(pool).map(rows -> {
      JsonArray roots = new JsonArray();
      linked(rows, roots);
      return new JsonObject().put("items", roots);
    });
  }

  /**
   * The active categories by id, each with its active sub-categories in {@code children}, in the repository's order;
   * {@code roots} receives the top-level ones.
   */
  private static Map<UUID, JsonObject> linked(Iterable<Row> rows, JsonArray roots) {
    Map<UUID, JsonObject> byId = new LinkedHashMap<>();
    List<Row> all = new ArrayList<>();
    rows.forEach(row -> {
      byId.put(row.getUUID("id"), json(row).put("children", new JsonArray()));
      all.add(row);
    });
    for (Row row : all) {
      JsonObject node = byId.get(row.getUUID("id"));
      UUID parent = row.getUUID("parent_id");
      if (parent == null) {
        roots.add(node);
      } else if (byId.containsKey(parent)) {
        byId.get(parent).getJsonArray("children").add(node);
      }
    }
    return byId;
  }

  /** The category as the tree shows it: with its active sub-categories, at any depth (even when it is inactive). */
  private Future<JsonObject> withChildren(JsonObject category) {
    UUID id = UUID.fromString(category.getString("id"));
    return categories.active(pool).map(rows -> {
      Map<UUID, JsonObject> byId = linked(rows, new JsonArray());
      JsonArray children = new JsonArray();
      byId.values().stream().filter(node -> id.toString().equals(node.getString("parentId")))
          .forEach(children::add);
      return category.put("children", children);
    });
  }

  public Future<JsonObject> create(AuditActor actor, NewCategory category) {
    UUID id = UUID.randomUUID();
    // through the writer, like every catalog change, so that cached search answers are dropped
    return SqlSupport.mapConflicts(writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return requireParent(tx, category.parentId(), null)
          .compose(v -> categories.insert(tx, id, category.parentId(), category.name(), category.slug(),
              category.sortOrder(), category.active()))
          .map(row -> {
            change.audit(actor, "category.create", target(id), null, json(row));
            // a new category has no sub-categories yet
            return json(row).put("children", new JsonArray());
          });
    }), CONFLICTS);
  }

  public Future<JsonObject> update(AuditActor actor, UUID id, CategoryChanges changes) {
    return SqlSupport.mapConflicts(writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return categories.lock(tx, id)
          .compose(current -> {
            if (current == null) {
              throw ServiceException.notFound("Category not found");
            }
            UUID parentId = changes.parentGiven() ? changes.parentId() : current.getUUID("parent_id");
            return requireParent(tx, parentId, id).compose(v -> categories.update(tx, id, parentId,
                changes.name() != null ? changes.name() : current.getString("name").trim(),
                changes.slug() != null ? changes.slug() : current.getString("slug"),
                changes.sortOrder() != null ? changes.sortOrder() : current.getInteger("sort_order"),
                changes.active() != null ? changes.active() : current.getBoolean("active")))
                .map(updated -> {
                  change.auditUpdate(actor, "category.update", target(id), json(current), json(updated));
                  return updated;
                });
          })
          // product pages show their category: they must leave the cache too
          .compose(updated -> categories.productIds(tx, id).map(products -> {
            products.forEach(change::touch);
            return json(updated);
          }));
    }), CONFLICTS).compose(this::withChildren);
  }

  public Future<JsonObject> delete(AuditActor actor, UUID id) {
    return writer.inTransaction(change -> categories.lock(change.connection(), id)
        .compose(current -> {
          if (current == null) {
            throw ServiceException.notFound("Category not found");
          }
          change.audit(actor, "category.delete", target(id), json(current), null);
          return categories.usage(change.connection(), id);
        })
        .compose(use -> {
          if (use.getBoolean("products") || use.getBoolean("children")) {
            throw ServiceException.conflict("CATEGORY_IN_USE",
                "The category still has " + (use.getBoolean("products") ? "products" : "sub-categories"));
          }
          return categories.delete(change.connection(), id);
        })
        .map((JsonObject) null));
  }

  /** The parent must exist and must not be the category itself or one of its descendants (no cycles). */
  private Future<Void> requireParent(SqlClient tx, UUID parentId, UUID self) {
    if (parentId == null) {
      return Future.succeededFuture();
    }
    return categories.ancestry(tx, parentId, self).map(row -> {
      if (row.getLong("found") == 0) {
        throw ServiceException.invalidField("parentId", "no such category");
      }
      if (row.getLong("cycle") > 0) {
        throw ServiceException.invalidField("parentId", "would put the category inside itself");
      }
      return null;
    });
  }

  private static String target(UUID id) {
    return "category:" + id;
  }

  static JsonObject json(Row row) {
    return new JsonObject().put("id", row.getUUID("id").toString())
        .put("name", row.getString("name")).put("slug", row.getString("slug"))
        .put("parentId", row.getUUID("parent_id") == null ? null : row.getUUID("parent_id").toString())
        .put("sortOrder", row.getInteger("sort_order")).put("active", row.getBoolean("active"));
  }
}
