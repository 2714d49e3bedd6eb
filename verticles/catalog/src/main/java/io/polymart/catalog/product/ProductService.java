package io.polymart.catalog.product;

import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.change.Change;
import io.polymart.catalog.change.RowValues;
import io.polymart.catalog.search.SearchTerms;
import io.polymart.catalog.sku.SkuRepository;
import io.polymart.core.audit.AuditActor;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Creating, editing, publishing and deleting products. Sellers act on their own products, admins on all. */
public final class ProductService {
  public static final Map<String, ServiceException> CONFLICTS = Map.of(
      "products_slug_key", ServiceException.conflict("SLUG_TAKEN", "Another product has this slug"),
      SkuRepository.SKU_CODE_CONSTRAINT, ServiceException.conflict("SKU_CODE_TAKEN", "A SKU code is already in use"));
  /** The fields of a product update kept in its row (the details are a MongoDB document). */
  private static final List<String> COLUMN_FIELDS = List.of("name", "slug", "description", "categoryId", "brandId");
  private final CatalogTransactions writer;
  private final ProductRepository products;
  private final ProductGuard guard;
  private final SkuRepository skus;
  private final SearchTerms terms;
  private final ProductDetailsRepository details;
  private final ProductReadService reader;

  public ProductService(CatalogTransactions writer, ProductRepository products, ProductGuard guard, SkuRepository skus,
      SearchTerms terms, ProductDetailsRepository details, ProductReadService reader) {
    this.writer = writer;
    this.products = products;
    this.guard = guard;
    this.skus = skus;
    this.terms = terms;
    this.details = details;
    this.reader = reader;
  }

  /** Creates a DRAFT product for the calling seller. */
  public Future<JsonObject> create(Caller caller, NewProduct product) {
    caller.requireSeller();
    return createProduct(caller.uuid(), product, caller.actor()).compose(reader::load);
  }

  /** Creates a DRAFT product for {@code sellerId} on the platform's own behalf (the demo catalog): not audited. */
  public Future<UUID> createProduct(UUID sellerId, NewProduct product) {
    return createProduct(sellerId, product, null);
  }

  private Future<UUID> createProduct(UUID sellerId, NewProduct product, AuditActor actor) {
    UUID id = UUID.randomUUID();
    String name = product.name();
    String slug = product.slug() != null ? product.slug() : generatedSlug(name, id);
    UUID categoryId = product.categoryId();
    UUID brandId = product.brandId();
    Future<Void> created = writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return requireReferences(tx, categoryId, brandId)
          .compose(v -> products.insert(tx, id, sellerId, categoryId, brandId, name, slug, product.description()))
          .compose(v -> skus.insert(change, id, product.skus(), sellerId))
          .compose(v -> product.details() == null ? Future.succeededFuture() : details.put(id, product.details()))
          .map(v -> {
            JsonObject facts = new JsonObject().put("productId", id.toString()).put("name", name)
                .put("slug", slug).put("status", "DRAFT").put("sellerId", sellerId.toString())
                .put("categoryId", categoryId.toString()).put("brandId", brandId == null ? null : brandId.toString())
                .put("skuCount", product.skus().size());
            change.event(id, "ProductCreated", facts);
            change.audit(actor, "product.create", target(id), null, facts.copy());
            return null;
          });
    });
    return SqlSupport.mapConflicts(created, CONFLICTS).map(id);
  }

  /** Changes the fields the seller gave. */
  public Future<JsonObject> update(Caller caller, UUID id, ProductChanges changes) {
    List<String> columns = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    addSet(columns, values, changes, "name", "name", changes.name());
    addSet(columns, values, changes, "slug", "slug", changes.slug());
    addSet(columns, values, changes, "description", "description", changes.description());
    addSet(columns, values, changes, "categoryId", "category_id", changes.categoryId());
    addSet(columns, values, changes, "brandId", "brand_id", changes.brandId());
    List<String> audited = COLUMN_FIELDS.stream().filter(changes::has).toList();
    Future<Void> updated = writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return guard.lockForChange(tx, id, caller)
          .compose(product -> requireReferences(tx, changes.has("categoryId") ? changes.categoryId() : null,
                  changes.brandId())
              .compose(v -> RowValues.read(tx, "catalog.products", id))
              .compose(before -> {
                JsonObject old = RowValues.pick(before, audited);
                if (changes.details() != null) {
                  old.put("detailsReplaced", false);
                }
                change.auditUpdate(caller.actor(), "product.update", target(id), old, changedValues(changes, audited));
                return products.update(tx, id, columns, values);
              })
              .compose(v -> changes.has("name") && "ACTIVE".equals(product.status())
                  ? terms.add(tx, changes.name()) : Future.succeededFuture()))
          .compose(v -> changes.details() == null ? Future.succeededFuture() : details.put(id, changes.details()))
          .map(v -> {
            change.event(id, "ProductUpdated", new JsonObject().put("productId", id.toString())
                .put("changed", new JsonArray(new ArrayList<>(changes.fields()))));
            return null;
          });
    });
    return SqlSupport.mapConflicts(updated, CONFLICTS).compose(v -> reader.load(id));
  }

  public Future<JsonObject> publish(Caller caller, UUID id) {
    return writer.inTransaction(change -> guard.lockForChange(change.connection(), id, caller)
        .compose(product -> publish(change, product, caller.actor()))).compose(v -> reader.load(id));
  }

  /** Publishes a product on the platform's own behalf (the demo catalog). */
  public Future<Void> publishProduct(UUID id) {
    return writer.inTransaction(change -> guard.lockAsPlatform(change.connection(), id)
        .compose(product -> publish(change, product, null)));
  }

  /** Publishing also teaches search the words of the name: a draft's words must not leak into suggestions. */
  private Future<Void> publish(Change change, OwnedProduct product, AuditActor actor) {
    if ("ACTIVE".equals(product.status())) {
      return Future.succeededFuture();
    }
    UUID id = product.id();
    return products.hasActiveSku(change.connection(), id)
        .compose(sellable -> {
          if (!sellable) {
            throw ServiceException.unprocessable("NO_ACTIVE_SKU", "A product needs an active SKU to be published");
          }
          return products.publish(change.connection(), id);
        })
        .compose(v -> terms.add(change.connection(), product.name()))
        .map(v -> {
          change.event(id, "ProductPublished", new JsonObject().put("productId", id.toString())
              .put("name", product.name()));
          change.audit(actor, "product.publish", target(id), status(product.status()), status("ACTIVE"));
          return null;
        });
  }

  public Future<JsonObject> unpublish(Caller caller, UUID id) {
    return writer.inTransaction(change -> guard.lockForChange(change.connection(), id, caller)
        .compose(product -> {
          if ("INACTIVE".equals(product.status())) {
            return Future.succeededFuture();
          }
          if (!"ACTIVE".equals(product.status())) {
            throw ServiceException.conflict("INVALID_STATE", "Only a published product can be unpublished");
          }
          change.audit(caller.actor(), "product.unpublish", target(id), status(product.status()),
              status("INACTIVE"));
          return setStatus(change, id, "INACTIVE", "ProductUnpublished");
        })).compose(v -> reader.load(id));
  }

  public Future<JsonObject> delete(Caller caller, UUID id) {
    return writer.inTransaction(change -> guard.lockForChange(change.connection(), id, caller)
        .compose(product -> {
          change.audit(caller.actor(), "product.delete", target(id), status(product.status()), null);
          return setStatus(change, id, "DELETED", "ProductDeleted");
        })).map((JsonObject) null);
  }

  private Future<Void> setStatus(Change change, UUID id, String status, String event) {
    return products.setStatus(change.connection(), id, status)
        .map(v -> {
          change.event(id, event, new JsonObject().put("productId", id.toString()).put("status", status));
          return null;
        });
  }

  static String target(UUID productId) {
    return "product:" + productId;
  }

  private static JsonObject status(String status) {
    return new JsonObject().put("status", status);
  }

  /** The new values of the product's columns the change sets, and whether its detail document was replaced. */
  private static JsonObject changedValues(ProductChanges changes, List<String> fields) {
    JsonObject values = new JsonObject();
    for (String field : fields) {
      Object value = switch (field) {
        case "name" -> changes.name();
        case "slug" -> changes.slug();
        case "description" -> changes.description();
        case "categoryId" -> changes.categoryId() == null ? null : changes.categoryId().toString();
        default -> changes.brandId() == null ? null : changes.brandId().toString();
      };
      values.put(field, value);
    }
    if (changes.details() != null) {
      values.put("detailsReplaced", true);
    }
    return values;
  }

  private static void addSet(List<String> columns, List<Object> values, ProductChanges changes, String field,
      String column, Object value) {
    if (changes.has(field)) {
      columns.add(column);
      values.add(value);
    }
  }

  /** The category must exist and be active; the brand, when given, must exist. */
  private Future<Void> requireReferences(SqlConnection tx, UUID categoryId, UUID brandId) {
    if (categoryId == null && brandId == null) {
      return Future.succeededFuture();
    }
    return products.references(tx, categoryId, brandId).map(row -> {
      if (categoryId != null && !row.getBoolean("category")) {
        throw ServiceException.invalidField("categoryId", "no such active category");
      }
      if (brandId != null && !row.getBoolean("brand")) {
        throw ServiceException.invalidField("brandId", "no such brand");
      }
      return null;
    });
  }

  /** Latin words of the name joined by hyphens, plus a piece of the id so generated slugs never collide. */
  static String generatedSlug(String name, UUID id) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (ascii.length() > 80) {
      ascii = ascii.substring(0, 80).replaceAll("-+$", "");
    }
    String suffix = id.toString().substring(0, 8);
    return ascii.isEmpty() ? "p-" + suffix : ascii + "-" + suffix;
  }
}
