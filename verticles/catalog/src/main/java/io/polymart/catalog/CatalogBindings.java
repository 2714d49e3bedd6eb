package io.polymart.catalog;

import io.polymart.catalog.image.ImageService;
import io.polymart.catalog.inventory.InventoryService;
import io.polymart.catalog.inventory.StockRequests;
import io.polymart.catalog.media.MediaService;
import io.polymart.catalog.product.BodyFields;
import io.polymart.catalog.product.Caller;
import io.polymart.catalog.product.NewProduct;
import io.polymart.catalog.product.ProductChanges;
import io.polymart.catalog.product.ProductReadService;
import io.polymart.catalog.product.ProductService;
import io.polymart.catalog.search.SearchQuery;
import io.polymart.catalog.search.SearchService;
import io.polymart.catalog.sku.NewSku;
import io.polymart.catalog.sku.SkuChanges;
import io.polymart.catalog.sku.SkuLookup;
import io.polymart.catalog.sku.SkuService;
import io.polymart.catalog.sku.StockAdjustment;
import io.polymart.catalog.taxonomy.BrandChanges;
import io.polymart.catalog.taxonomy.BrandService;
import io.polymart.catalog.taxonomy.CategoryChanges;
import io.polymart.catalog.taxonomy.CategoryService;
import io.polymart.catalog.taxonomy.NewBrand;
import io.polymart.catalog.taxonomy.NewCategory;
import io.polymart.core.audit.AuditActor;
import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusReply;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.Paging;
import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the gateway's envelope (path parameters, query, body, the caller's identity) into the typed arguments of
 * the services, and checks the role an address requires (whether a product is the caller's own, the services
 * decide).
 */
final class CatalogBindings {
  private static final String ADMIN = "admin";
  private final CategoryService categories;
  private final BrandService brands;
  private final SearchService search;
  private final ProductReadService productReads;
  private final ProductService products;
  private final SkuService skus;
  private final ImageService images;
  private final InventoryService inventory;
  private final SkuLookup skuLookup;
  private final MediaService media;

  CatalogBindings(CategoryService categories, BrandService brands, SearchService search,
      ProductReadService productReads, ProductService products, SkuService skus, ImageService images,
      InventoryService inventory, SkuLookup skuLookup, MediaService media) {
    this.categories = categories;
    this.brands = brands;
    this.search = search;
    this.productReads = productReads;
    this.products = products;
    this.skus = skus;
    this.images = images;
    this.inventory = inventory;
    this.skuLookup = skuLookup;
    this.media = media;
  }

  private static Caller caller(BusRequest request) {
    return new Caller(request.optionalUserId(), request.roles(), request.clientIp(),
        request.header(BusHeaders.REQUEST_ID).orElse(null));
  }

  Future<JsonObject> categoryTree(BusRequest request) {
    return categories.tree();
  }

  Future<JsonObject> createCategory(BusRequest request) {
    request.requireRole(ADMIN);
    return categories.create(AuditActor.of(request), newCategory(request.body()));
  }

  Future<JsonObject> updateCategory(BusRequest request) {
    request.requireRole(ADMIN);
    return categories.update(AuditActor.of(request), request.uuidParam("id", "Category"),
        categoryChanges(request.body()));
  }

  Future<JsonObject> deleteCategory(BusRequest request) {
    request.requireRole(ADMIN);
    return categories.delete(AuditActor.of(request), request.uuidParam("id", "Category"));
  }

  Future<JsonObject> brandList(BusRequest request) {
    return brands.list();
  }

  Future<JsonObject> createBrand(BusRequest request) {
    request.requireRole(ADMIN);
    return brands.create(AuditActor.of(request), newBrand(request.body()));
  }

  Future<JsonObject> updateBrand(BusRequest request) {
    request.requireRole(ADMIN);
    return brands.update(AuditActor.of(request), request.uuidParam("id", "Brand"), brandChanges(request.body()));
  }

  Future<JsonObject> deleteBrand(BusRequest request) {
    request.requireRole(ADMIN);
    return brands.delete(AuditActor.of(request), request.uuidParam("id", "Brand"));
  }

  Future<BusReply> searchProducts(BusRequest request) {
    return search.search(SearchQuery.from(request));
  }

  /** What was typed so far ({@code q}); nothing typed suggests nothing. */
  Future<JsonObject> suggest(BusRequest request) {
    return search.suggest(request.query("q").orElse(""));
  }

  Future<JsonObject> hotKeywords(BusRequest request) {
    return search.hot();
  }

  Future<BusReply> product(BusRequest request) {
    return productReads.get(request.uuidParam("id", "Product"), caller(request),
        request.header(BusHeaders.VISITOR_ID).orElse(null));
  }

  Future<JsonObject> priceHistory(BusRequest request) {
    UUID id = request.uuidParam("id", "Product");
    UUID sku = request.uuidQuery("sku", "must be a SKU id");
    return productReads.priceHistory(id, sku, caller(request));
  }

  Future<JsonObject> sellerProducts(BusRequest request) {
    Caller caller = caller(request);
    caller.requireSeller();
    return productReads.sellerProducts(caller, Paging.from(request), request.query("status").orElse(null));
  }

  Future<JsonObject> createProduct(BusRequest request) {
    Caller caller = caller(request);
    caller.requireSeller(); // before reading the body: a buyer learns nothing about its fields
    return products.create(caller, NewProduct.from(request.body()));
  }

  Future<JsonObject> updateProduct(BusRequest request) {
    UUID id = request.uuidParam("id", "Product");
    return products.update(caller(request), id, ProductChanges.from(request.body()));
  }

  Future<JsonObject> publishProduct(BusRequest request) {
    return products.publish(caller(request), request.uuidParam("id", "Product"));
  }

  Future<JsonObject> unpublishProduct(BusRequest request) {
    return products.unpublish(caller(request), request.uuidParam("id", "Product"));
  }

  Future<JsonObject> deleteProduct(BusRequest request) {
    return products.delete(caller(request), request.uuidParam("id", "Product"));
  }

  Future<JsonObject> createSku(BusRequest request) {
    UUID productId = request.uuidParam("id", "Product");
    return skus.create(caller(request), productId, NewSku.from(request.body()));
  }

  Future<JsonObject> updateSku(BusRequest request) {
    UUID skuId = request.uuidParam("id", "SKU");
    return skus.update(caller(request), skuId, SkuChanges.from(request.body()));
  }

  Future<JsonObject> priceSku(BusRequest request) {
    UUID skuId = request.uuidParam("id", "SKU");
    JsonObject body = request.body();
    String original = body.getString("originalPrice");
    return skus.price(caller(request), skuId, Money.of(body.getString("price")),
        original == null ? null : Money.of(original));
  }

  Future<JsonObject> adjustStock(BusRequest request) {
    UUID skuId = request.uuidParam("id", "SKU");
    return skus.stock(caller(request), skuId, StockAdjustment.from(request.body()));
  }

  Future<JsonObject> uploadImage(BusRequest request) {
    UUID productId = request.uuidParam("id", "Product");
    JsonObject body = request.body();
    return images.upload(caller(request), productId, body.getBinary("file"), body.getBoolean("cover", false));
  }

  Future<JsonObject> deleteImage(BusRequest request) {
    UUID productId = request.uuidParam("id", "Product");
    return images.delete(caller(request), productId, request.uuidParam("imageId", "Image"));
  }

  Future<JsonObject> reorderImages(BusRequest request) {
    UUID productId = request.uuidParam("id", "Product");
    JsonArray ids = request.body().getJsonArray("imageIds");
    List<String> imageIds = new ArrayList<>();
    ids.forEach(id -> imageIds.add(String.valueOf(id)));
    return images.reorder(caller(request), productId, imageIds);
  }

  Future<JsonObject> coverImage(BusRequest request) {
    UUID productId = request.uuidParam("id", "Product");
    return images.cover(caller(request), productId, request.uuidParam("imageId", "Image"));
  }

  Future<JsonObject> reserveStock(BusRequest request) {
    JsonObject body = request.body();
    String reservationId = StockRequests.reservationId(body);
    Map<UUID, Integer> quantities = StockRequests.quantities(body.getValue("items"));
    return inventory.reserve(reservationId, quantities, StockRequests.ttlSeconds(body.getValue("ttlSeconds")));
  }

  Future<JsonObject> confirmStock(BusRequest request) {
    return inventory.confirm(StockRequests.reservationId(request.body()));
  }

  Future<JsonObject> releaseStock(BusRequest request) {
    return inventory.release(StockRequests.reservationId(request.body()));
  }

  Future<JsonObject> restoreStock(BusRequest request) {
    return inventory.restore(StockRequests.reservationId(request.body()));
  }

  Future<JsonObject> lookupSkus(BusRequest request) {
    return skuLookup.lookup(SkuLookup.skuIds(request.body().getValue("skuIds")));
  }

  Future<JsonObject> mediaObject(BusRequest request) {
    return media.get(request.body().getString("key", ""));
  }

  static NewCategory newCategory(JsonObject body) {
    return new NewCategory(body.getString("name").trim(), body.getString("slug"), BodyFields.uuid(body, "parentId"),
        body.getInteger("sortOrder", 0), body.getBoolean("active", true));
  }

  static CategoryChanges categoryChanges(JsonObject body) {
    String name = body.getString("name");
    return new CategoryChanges(name == null ? null : name.trim(), body.getString("slug"),
        body.containsKey("parentId"), BodyFields.uuid(body, "parentId"), body.getInteger("sortOrder"),
        body.getBoolean("active"));
  }

  static NewBrand newBrand(JsonObject body) {
    return new NewBrand(body.getString("name").trim(), body.getString("slug"), body.getString("logoUrl"));
  }

  static BrandChanges brandChanges(JsonObject body) {
    String name = body.getString("name");
    return new BrandChanges(name == null ? null : name.trim(), body.getString("slug"), body.containsKey("logoUrl"),
        body.getString("logoUrl"));
  }
}
