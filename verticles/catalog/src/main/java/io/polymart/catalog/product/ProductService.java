package io.polymart.catalog.product;

import io.polymart.catalog.change.CatalogWriter;
import io.polymart.catalog.change.Change;
import io.polymart.catalog.search.SearchTerms;
import io.polymart.catalog.sku.NewSku;
import io.polymart.catalog.sku.SkuWriter;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.db.SqlSupport;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.bson.Document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Creating, editing, publishing and deleting products. Sellers act on their own products, admins on all. */
public final class ProductService {
  public static final Map<String, ServiceException> CONFLICTS = Map.of(
      "products_slug_key", ServiceException.conflict("SLUG_TAKEN", "Another product has this slug"),
      SkuWriter.SKU_CODE_CONSTRAINT, ServiceException.conflict("SKU_CODE_TAKEN", "A SKU code is already in use"));
  private final CatalogWriter writer;
  private final SkuWriter skus;
  private final SearchTerms terms;
  private final DetailsStore details;
  private final ProductReader reader;

  public ProductService(CatalogWriter writer, SkuWriter skus, SearchTerms terms, DetailsStore details, ProductReader reader) {
    this.writer = writer;
    this.skus = skus;
    this.terms = terms;
    this.details = details;
    this.reader = reader;
  }

  public Future<JsonObject> create(BusRequest request) {
    ProductGuard.requireSeller(request);
    return createProduct(request.userUuid(), request.body()).compose(reader::load);
  }

  /** Creates a DRAFT product for {@code sellerId} from a body shaped like {@code POST /products}. */
  public Future<UUID> createProduct(UUID sellerId, JsonObject body) {
    UUID id = UUID.randomUUID();
    String name = body.getString("name").trim();
    String slug = body.getString("slug", generatedSlug(name, id));
    List<NewSku> newSkus = newSkus(body.getJsonArray("skus"));
    Document document = detailsDocument(body);
    UUID categoryId = BodyFields.uuid(body, "categoryId");
    UUID brandId = BodyFields.uuid(body, "brandId");
    Future<Void> created = writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return requireReferences(tx, categoryId, brandId)
          .compose(v -> tx.preparedQuery("INSERT INTO catalog.products (id, seller_id, category_id, brand_id, name, "
                  + "slug, description) VALUES ($1, $2, $3, $4, $5, $6, $7)")
              .execute(Tuple.of(id, sellerId, categoryId, brandId, name, slug).addValue(body.getString("description", ""))))
          .compose(v -> skus.insert(change, id, newSkus, sellerId))
          .compose(v -> document == null ? Future.succeededFuture() : details.put(id, document))
          .map(v -> {
            change.event(id, "ProductCreated", new JsonObject().put("productId", id.toString()).put("name", name)
                .put("slug", slug).put("status", "DRAFT").put("sellerId", sellerId.toString())
                .put("categoryId", categoryId.toString()).put("brandId", brandId == null ? null : brandId.toString())
                .put("skuCount", newSkus.size()));
            return null;
          });
    });
    return SqlSupport.mapConflicts(created, CONFLICTS).map(id);
  }

  public Future<JsonObject> update(BusRequest request) {
    UUID id = request.uuidParam("id", "Product");
    JsonObject body = request.body();
    Document document = detailsDocument(body);
    List<String> sets = new ArrayList<>();
    Tuple params = Tuple.of(id);
    addSet(sets, params, body, "name", "name", body.containsKey("name") ? body.getString("name").trim() : null);
    addSet(sets, params, body, "slug", "slug", body.getString("slug"));
    addSet(sets, params, body, "description", "description", body.getString("description"));
    addSet(sets, params, body, "categoryId", "category_id", BodyFields.uuid(body, "categoryId"));
    addSet(sets, params, body, "brandId", "brand_id", BodyFields.uuid(body, "brandId"));
    Future<Void> updated = writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      return ProductGuard.lockForChange(tx, id, request)
          .compose(product -> requireReferences(tx, body.containsKey("categoryId") ? BodyFields.uuid(body, "categoryId")
                  : null, BodyFields.uuid(body, "brandId"))
              .compose(v -> sets.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(
                  "UPDATE catalog.products SET " + String.join(", ", sets) + ", updated_at = now() WHERE id = $1")
                  .execute(params).mapEmpty())
              .compose(v -> body.containsKey("name") && "ACTIVE".equals(product.status())
                  ? terms.add(tx, body.getString("name")) : Future.succeededFuture()))
          .compose(v -> document == null ? Future.succeededFuture() : details.put(id, document))
          .map(v -> {
            change.event(id, "ProductUpdated", new JsonObject().put("productId", id.toString())
                .put("changed", new JsonArray(new ArrayList<>(body.fieldNames()))));
            return null;
          });
    });
    return SqlSupport.mapConflicts(updated, CONFLICTS).compose(v -> reader.load(id));
  }

  public Future<JsonObject> publish(BusRequest request) {
    UUID id = request.uuidParam("id", "Product");
    return writer.inTransaction(change -> ProductGuard.lockForChange(change.connection(), id, request)
        .compose(product -> publish(change, product))).compose(v -> reader.load(id));
  }

  /** Publishes a product on the platform's own behalf (the demo catalog). */
  public Future<Void> publishProduct(UUID id) {
    return writer.inTransaction(change -> ProductGuard.lockAsPlatform(change.connection(), id)
        .compose(product -> publish(change, product)));
  }

  /** Publishing also teaches search the words of the name: a draft's words must not leak into suggestions. */
  private Future<Void> publish(Change change, ProductGuard.OwnedProduct product) {
    if ("ACTIVE".equals(product.status())) {
      return Future.succeededFuture();
    }
    UUID id = product.id();
    return change.connection().preparedQuery("SELECT EXISTS (SELECT 1 FROM catalog.skus WHERE product_id = $1 "
            + "AND status = 'ACTIVE') AS sellable").execute(Tuple.of(id))
        .compose(rows -> {
          if (!rows.iterator().next().getBoolean("sellable")) {
            throw ServiceException.unprocessable("NO_ACTIVE_SKU", "A product needs an active SKU to be published");
          }
          return change.connection().preparedQuery("UPDATE catalog.products SET status = 'ACTIVE', "
                  + "published_at = coalesce(published_at, now()), updated_at = now() WHERE id = $1")
              .execute(Tuple.of(id));
        })
        .compose(v -> terms.add(change.connection(), product.name()))
        .map(v -> {
          change.event(id, "ProductPublished", new JsonObject().put("productId", id.toString())
              .put("name", product.name()));
          return null;
        });
  }

  public Future<JsonObject> unpublish(BusRequest request) {
    UUID id = request.uuidParam("id", "Product");
    return writer.inTransaction(change -> ProductGuard.lockForChange(change.connection(), id, request)
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

  public Future<JsonObject> delete(BusRequest request) {
    UUID id = request.uuidParam("id", "Product");
    return writer.inTransaction(change -> ProductGuard.lockForChange(change.connection(), id, request)
        .compose(product -> setStatus(change, id, "DELETED", "ProductDeleted"))).map((JsonObject) null);
  }

  private static Future<Void> setStatus(Change change, UUID id, String status, String event) {
    return change.connection().preparedQuery("UPDATE catalog.products SET status = $2, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id, status))
        .map(v -> {
          change.event(id, event, new JsonObject().put("productId", id.toString()).put("status", status));
          return null;
        });
  }

  /** The request's detail document, sanitised and ready to store; null when the body has none. */
  private static Document detailsDocument(JsonObject body) {
    JsonObject details = body.getJsonObject("details");
    return details == null ? null : DetailsStore.toDocument(DetailsSanitizer.sanitize(details));
  }

  private static void addSet(List<String> sets, Tuple params, JsonObject body, String field, String column,
      Object value) {
    if (body.containsKey(field)) {
      params.addValue(value);
      sets.add(column + " = $" + params.size());
    }
  }

  /** The category must exist and be active; the brand, when given, must exist. */
  static Future<Void> requireReferences(SqlConnection tx, UUID categoryId, UUID brandId) {
    if (categoryId == null && brandId == null) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery("SELECT EXISTS (SELECT 1 FROM catalog.categories WHERE id = $1 AND active) AS category, "
            + "EXISTS (SELECT 1 FROM catalog.brands WHERE id = $2) AS brand").execute(Tuple.of(categoryId, brandId))
        .map(rows -> {
          var row = rows.iterator().next();
          if (categoryId != null && !row.getBoolean("category")) {
            throw ServiceException.invalidField("categoryId", "no such active category");
          }
          if (brandId != null && !row.getBoolean("brand")) {
            throw ServiceException.invalidField("brandId", "no such brand");
          }
          return null;
        });
  }

  static List<NewSku> newSkus(JsonArray array) {
    List<NewSku> result = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      NewSku sku = NewSku.from(array.getJsonObject(i), "skus[" + i + "]");
      if (!codes.add(sku.code())) {
        throw ServiceException.invalidField("skus[" + i + "].code", "is used twice in this request");
      }
      result.add(sku);
    }
    return result;
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
