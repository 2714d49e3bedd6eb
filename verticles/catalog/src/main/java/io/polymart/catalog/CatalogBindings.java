package io.polymart.catalog;

import io.polymart.catalog.inventory.InventoryService;
import io.polymart.catalog.inventory.StockRequests;
import io.polymart.catalog.media.MediaService;
import io.polymart.catalog.product.BodyFields;
import io.polymart.catalog.search.SearchQuery;
import io.polymart.catalog.search.SearchService;
import io.polymart.catalog.sku.SkuLookup;
import io.polymart.catalog.taxonomy.BrandChanges;
import io.polymart.catalog.taxonomy.BrandService;
import io.polymart.catalog.taxonomy.CategoryChanges;
import io.polymart.catalog.taxonomy.CategoryService;
import io.polymart.catalog.taxonomy.NewBrand;
import io.polymart.catalog.taxonomy.NewCategory;
import io.polymart.core.bus.BusRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;

/**
 * Turns the gateway's envelope (path parameters, query, body, the caller's identity) into the typed arguments of
 * the services, and checks the role an address requires. So far: categories, brands, search, the stock contract,
 * SKU lookups and media.
 */
final class CatalogBindings {
  private static final String ADMIN = "admin";
  private final CategoryService categories;
  private final BrandService brands;
  private final SearchService search;
  private final InventoryService inventory;
  private final SkuLookup skuLookup;
  private final MediaService media;

  CatalogBindings(CategoryService categories, BrandService brands, SearchService search, InventoryService inventory,
      SkuLookup skuLookup, MediaService media) {
    this.categories = categories;
    this.brands = brands;
    this.search = search;
    this.inventory = inventory;
    this.skuLookup = skuLookup;
    this.media = media;
  }

  Future<JsonObject> categoryTree(BusRequest request) {
    return categories.tree();
  }

  Future<JsonObject> createCategory(BusRequest request) {
    request.requireRole(ADMIN);
    return categories.create(newCategory(request.body()));
  }

  Future<JsonObject> updateCategory(BusRequest request) {
    request.requireRole(ADMIN);
    return categories.update(request.uuidParam("id", "Category"), categoryChanges(request.body()));
  }

  Future<JsonObject> deleteCategory(BusRequest request) {
    request.requireRole(ADMIN);
    return categories.delete(request.uuidParam("id", "Category"));
  }

  Future<JsonObject> brandList(BusRequest request) {
    return brands.list();
  }

  Future<JsonObject> createBrand(BusRequest request) {
    request.requireRole(ADMIN);
    return brands.create(newBrand(request.body()));
  }

  Future<JsonObject> updateBrand(BusRequest request) {
    request.requireRole(ADMIN);
    return brands.update(request.uuidParam("id", "Brand"), brandChanges(request.body()));
  }

  Future<JsonObject> deleteBrand(BusRequest request) {
    request.requireRole(ADMIN);
    return brands.delete(request.uuidParam("id", "Brand"));
  }

  Future<JsonObject> searchProducts(BusRequest request) {
    return search.search(SearchQuery.from(request));
  }

  /** What was typed so far ({@code q}); nothing typed suggests nothing. */
  Future<JsonObject> suggest(BusRequest request) {
    return search.suggest(request.query("q").orElse(""));
  }

  Future<JsonObject> hotKeywords(BusRequest request) {
    return search.hot();
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
