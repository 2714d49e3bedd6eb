package io.polymart.catalog.product;

import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.change.Change;
import io.polymart.catalog.search.SearchTerms;
import io.polymart.catalog.sku.SkuRepository;
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
    return createProduct(caller.uuid(), product).compose(reader::load);
  }

  /** Creates a DRAFT product for {@code sellerId}. */
  public Future<UUID> createProduct(UUID sellerId, NewProduct product) {
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
            change.event(id, "ProductCreated", new JsonObject().put("productId", id.toString()).put("name", name)
                .put("slug", slug).put("status", "DRAFT").put("sellerId", sellerId.toString())
                .put("categoryId", categoryId.toString()).put("brandId", brandId == null ? null : brandId.toString())
                .put("skuCount", product.skus().size()));
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
    Future<Void> updated = writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return guard.lockForChange(tx, id, caller)
          .compose(product -> requireReferences(tx, changes.has("categoryId") ? changes.categoryId() : null,
                  changes.brandId())
              .compose(v -> products.update(tx, id, columns, values))
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
        .compose(product -> publish(change, product))).compose(v -> reader.load(id));
  }

  /** Publishes a product on the platform's own behalf (the demo catalog). */
  public Future<Void> publishProduct(UUID id) {
    return writer.inTransaction(change -> guard.lockAsPlatform(change.connection(), id)
        .compose(product -> publish(change, product)));
  }

  /** Publishing also teaches search the words of the name: a draft's words must not leak into suggestions. */
  private Future<Void> publish(Change change, OwnedProduct product) {
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
          return setStatus(change, id, "INACTIVE", "ProductUnpublished");
        })).compose(v -> reader.load(id));
  }

  public Future<JsonObject> delete(Caller caller, UUID id) {
    return writer.inTransaction(change -> guard.lockForChange(change.connection(), id, caller)
        .compose(product -> setStatus(change, id, "DELETED", "ProductDeleted"))).map((JsonObject) null);
  }

  private Future<Void> setStatus(Change change, UUID id, String status, String event) {
    return products.setStatus(change.connection(), id, status)
        .map(v -> {
          change.event(id, event, new JsonObject().put("productId", id.toString()).put("status", status));
          return null;
        });
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
