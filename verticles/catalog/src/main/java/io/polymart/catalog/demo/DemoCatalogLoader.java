package io.polymart.catalog.demo;

import io.polymart.catalog.image.DemoImages.Shape;
import io.polymart.catalog.image.DemoImages;
import io.polymart.catalog.image.ImageService;
import io.polymart.catalog.product.NewProduct;
import io.polymart.catalog.product.ProductService;
import io.polymart.core.money.Money;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads the generated demo catalog through the same services sellers use, with pictures drawn on the machine.
 * Every step is keyed by slug and skipped when already done, so a second run (or one after a crash) adds only
 * what is missing. One loader runs at a time across instances and nodes (a cluster-wide lock).
 */
public final class DemoCatalogLoader {
  /** The products' seller: no real account, so only admins manage them. */
  static final UUID DEMO_SELLER = UUID.fromString("00000000-0000-4000-8000-00000000de70");
  private static final Logger LOG = LoggerFactory.getLogger(DemoCatalogLoader.class);
  private static final String LOCK = "polymart.catalog.demo";
  private static final int WORKERS = 3;

  private record Existing(UUID id, String status, long images) {
  }

  private final Vertx vertx;
  private final Pool pool;
  private final DemoCatalogRepository rows = new DemoCatalogRepository();
  private final ProductService products;
  private final ImageService images;
  private final int productCount;
  private volatile boolean stopped;

  public DemoCatalogLoader(Vertx vertx, Pool pool, ProductService products, ImageService images, int productCount) {
    this.vertx = vertx;
    this.pool = pool;
    this.products = products;
    this.images = images;
    this.productCount = productCount;
  }

  public Future<Void> load() {
    return vertx.sharedData().getLockWithTimeout(LOCK, 1_000).transform(locked -> {
      if (locked.failed()) {
        LOG.info("Demo catalog: another instance is loading it");
        return Future.succeededFuture();
      }
      Lock lock = locked.result();
      long started = System.nanoTime();
      return vertx.executeBlocking(() -> DemoCatalog.generate(productCount), false)
          .compose(catalog -> loadTaxonomy(catalog).compose(ids -> loadProducts(catalog, ids)))
          .transform(done -> {
            lock.release();
            if (stopped) {
              LOG.info("Demo catalog: stopped before it was complete; the next start with the demo adds the rest");
              return Future.succeededFuture();
            }
            if (done.failed()) {
              return Future.failedFuture(done.cause());
            }
            LOG.info("Demo catalog ready: {} products in {} s", productCount, (System.nanoTime() - started) / 1_000_000_000);
            return Future.succeededFuture();
          });
    });
  }

  /**
   * Takes no further product once the platform stops: those being loaded finish or fail with the closing clients,
   * quietly, and a later start adds whatever is missing.
   */
  public void stop() {
    stopped = true;
  }

  /** Ids by slug, and the picture shape of each sub-category. */
  private record Taxonomy(Map<String, UUID> categories, Map<String, UUID> brands, Map<String, Shape> shapes) {
  }

  private static final Map<String, Shape> SHAPES = Map.of("phones-electronics", Shape.PHONE, "clothing", Shape.SHIRT,
      "beauty", Shape.BOTTLE, "food-drinks", Shape.BOTTLE, "sports-outdoors", Shape.BALL, "toys", Shape.BALL);

  private static Map<String, Shape> shapes(DemoCatalog catalog) {
    Map<String, Shape> shapes = new HashMap<>();
    for (DemoCategory category : catalog.categories()) {
      if (!category.topLevel()) {
        shapes.put(category.slug(), SHAPES.getOrDefault(category.parentSlug(), Shape.BOX));
      }
    }
    return shapes;
  }

  private Future<Taxonomy> loadTaxonomy(DemoCatalog catalog) {
    // parents come first in the list, so a child's parent row exists when the child is inserted
    return pool.withTransaction(tx -> rows.insertCategories(tx, catalog.categories())
            .compose(v -> rows.insertBrands(tx, catalog.brands()))
            .compose(v -> rows.taxonomyIds(tx)))
        .map(ids -> {
          Map<String, UUID> categoryIds = new HashMap<>();
          Map<String, UUID> brandIds = new HashMap<>();
          for (Row row : ids) {
            ("c".equals(row.getString("kind")) ? categoryIds : brandIds).put(row.getString("slug"), row.getUUID("id"));
          }
          return new Taxonomy(categoryIds, brandIds, shapes(catalog));
        });
  }

  private Future<Void> loadProducts(DemoCatalog catalog, Taxonomy taxonomy) {
    String[] slugs = catalog.products().stream().map(DemoProduct::slug).toArray(String[]::new);
    return rows.products(pool, slugs)
        .compose(found -> {
          Map<String, Existing> existing = new HashMap<>();
          found.forEach(row -> existing.put(row.getString("slug"),
              new Existing(row.getUUID("id"), row.getString("status"), row.getLong("images"))));
          Deque<DemoProduct> queue = new ArrayDeque<>(catalog.products());
          int total = queue.size();
          if (existing.size() == total && existing.values().stream()
              .allMatch(e -> "ACTIVE".equals(e.status()) && e.images() > 0)) {
            LOG.info("Demo catalog already loaded ({} products)", total);
            return Future.succeededFuture();
          }
          LOG.info("Demo catalog: loading {} products ({} already there)", total, existing.size());
          int[] done = {0};
          List<Future<Void>> workers = new ArrayList<>();
          for (int i = 0; i < WORKERS; i++) {
            workers.add(work(queue, existing, taxonomy, done, total));
          }
          return Future.all(workers).mapEmpty();
        });
  }

  /** Takes products off the queue one at a time until it is empty. */
  private Future<Void> work(Deque<DemoProduct> queue, Map<String, Existing> existing, Taxonomy taxonomy, int[] done,
      int total) {
    DemoProduct next = stopped ? null : queue.poll();
    if (next == null) {
      return Future.succeededFuture();
    }
    Promise<Void> finished = Promise.promise();
    load(next, existing.get(next.slug()), taxonomy).onComplete(result -> {
      if (result.failed() && !stopped) {
        LOG.warn("Demo product {} not loaded: {}", next.slug(), result.cause().toString());
      }
      done[0]++;
      if (done[0] % 50 == 0 || done[0] == total) {
        LOG.info("Demo catalog: {}/{} products", done[0], total);
      }
      work(queue, existing, taxonomy, done, total).onComplete(finished);
    });
    return finished.future();
  }

  private Future<Void> load(DemoProduct product, Existing existing, Taxonomy taxonomy) {
    Future<UUID> id = existing != null ? Future.succeededFuture(existing.id())
        : products.createProduct(DEMO_SELLER, NewProduct.from(body(product, taxonomy)));
    return id.compose(productId -> (existing != null && existing.images() > 0 ? Future.<Void>succeededFuture()
            : vertx.executeBlocking(() -> DemoImages.draw(product.imageLabel(), product.imageSeed(),
                taxonomy.shapes().get(product.categorySlug())), false)
                .compose(picture -> images.addAsPlatform(productId, picture)).<Void>mapEmpty())
        .compose(v -> existing != null && "ACTIVE".equals(existing.status()) ? Future.<Void>succeededFuture()
            : products.publishProduct(productId)));
  }

  private static JsonObject body(DemoProduct product, Taxonomy taxonomy) {
    JsonArray skus = new JsonArray();
    for (DemoSku sku : product.skus()) {
      skus.add(new JsonObject().put("code", sku.code()).put("attributes", new JsonObject(new LinkedHashMap<>(sku.attributes())))
          .put("price", Money.format(sku.price())).put("originalPrice", Money.format(sku.originalPrice()))
          .put("weight", sku.weightKg() == null ? null : sku.weightKg().toPlainString()).put("stock", sku.stock()));
    }
    UUID brand = taxonomy.brands().get(product.brandSlug());
    return new JsonObject().put("name", product.name()).put("slug", product.slug())
        .put("description", product.description())
        .put("categoryId", taxonomy.categories().get(product.categorySlug()).toString())
        .put("brandId", brand == null ? null : brand.toString())
        .put("details", product.details().copy()).put("skus", skus);
  }
}
