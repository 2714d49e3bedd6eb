package io.polymart.catalog;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;
import io.polymart.catalog.cache.CacheHits;
import io.polymart.catalog.cache.ProductCache;
import io.polymart.catalog.cache.SkuFactsCache;
import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.change.ProductSnapshots;
import io.polymart.catalog.demo.DemoCatalogLoader;
import io.polymart.catalog.image.ImageObjectRepository;
import io.polymart.catalog.image.ImageRepository;
import io.polymart.catalog.image.ImageService;
import io.polymart.catalog.inventory.InventoryRepository;
import io.polymart.catalog.inventory.InventoryService;
import io.polymart.catalog.inventory.ReservationRepository;
import io.polymart.catalog.media.MediaService;
import io.polymart.catalog.product.ProductDetailsRepository;
import io.polymart.catalog.product.ProductGuard;
import io.polymart.catalog.product.ProductReadService;
import io.polymart.catalog.product.ProductRepository;
import io.polymart.catalog.product.ProductService;
import io.polymart.catalog.product.ProductViews;
import io.polymart.catalog.rating.RatingProjection;
import io.polymart.catalog.search.SearchRepository;
import io.polymart.catalog.search.SearchResults;
import io.polymart.catalog.search.SearchService;
import io.polymart.catalog.search.SearchTerms;
import io.polymart.catalog.search.TypoCorrector;
import io.polymart.catalog.sku.SkuLookup;
import io.polymart.catalog.sku.SkuRepository;
import io.polymart.catalog.sku.SkuService;
import io.polymart.catalog.taxonomy.BrandRepository;
import io.polymart.catalog.taxonomy.BrandService;
import io.polymart.catalog.taxonomy.CategoryRepository;
import io.polymart.catalog.taxonomy.CategoryService;
import io.polymart.core.bus.BusServer;
import io.polymart.core.db.Migrations;
import io.polymart.core.db.PgSettings;
import io.polymart.core.db.ReadReplicas;
import io.polymart.core.db.RecentWriters;
import io.polymart.core.events.ActivityPublisher;
import io.polymart.core.events.EventConsumer;
import io.polymart.core.events.EventConsumerSettings;
import io.polymart.core.events.MongoParkedEvents;
import io.polymart.core.events.MongoProcessedEvents;
import io.polymart.core.mongo.MongoClients;
import io.polymart.core.metrics.Meters;
import io.polymart.core.outbox.Outbox;
import io.polymart.core.outbox.OutboxRelay;
import io.polymart.core.outbox.OutboxTransactions;
import io.polymart.core.redis.RedisClients;
import io.polymart.core.image.ImageProcessor;
import io.polymart.core.s3.S3Clients;
import io.polymart.core.sweep.Sweeper;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static io.polymart.core.bus.Addresses.*;

/** Wires the catalog services to their event-bus addresses. */
public final class CatalogVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogVerticle.class);
  public static final String SCHEMA = "catalog";
  /** Shared by every catalog instance in the JVM, so at most this many images are decoded at once. */
  private static final String RESIZING_POOL = "polymart-catalog-images";
  private static final int RESIZING_THREADS = 2;
  /** The consumer group reading the reviews' rating changes; its stores are catalog_processed_events and so on. */
  static final String EVENTS_GROUP = "polymart.catalog";
  private static final String EVENT_STORES = "catalog";
  private Pool pool;
  private SqlClient reads;
  private ReadReplicas replicas;
  private RedisAPI redis;
  private MongoClient mongo;
  private Sweeper sweeper;
  private OutboxRelay relay;
  private ActivityPublisher activity;
  private EventConsumer ratingEvents;
  private Future<Void> demoLoaded = Future.succeededFuture();
  private DemoCatalogLoader demoLoader;
  private WorkerExecutor resizing;

  private record BlockingClients(MongoClient mongo, MinioClient s3) {
  }

  @Override
  public Future<?> start() {
    JsonObject conf = config();
    CatalogSettings settings = CatalogSettings.from(conf);
    // Creating the MongoDB and MinIO clients loads and initialises a lot: not on the event loop.
    return vertx.executeBlocking(() -> new BlockingClients(MongoClients.create(conf), S3Clients.create(conf)), false)
        .compose(clients -> {
          mongo = clients.mongo();
          return wire(conf, settings, clients.s3());
        });
  }

  private Future<Void> wire(JsonObject conf, CatalogSettings settings, MinioClient s3) {
    PgSettings pg = PgSettings.from(conf);
    pool = pg.pool(vertx, SCHEMA, ReservationRepository.LONG_STATEMENTS);
    reads = pg.readClient(vertx, SCHEMA);
    replicas = pg.readReplicas(vertx, pool, SCHEMA);
    redis = RedisClients.api(vertx, conf, SCHEMA);
    // a seller's or admin's own reads right after their changes (their product pages and lists) skip the replicas
    RecentWriters writers = pg.recentWriters(() -> redis, "catalog:wrote:");
    MongoDatabase documents = mongo.getDatabase(conf.getJsonObject("mongo").getString("database"));
    ProductDetailsRepository details = new ProductDetailsRepository(vertx,
        documents.getCollection(ProductDetailsRepository.COLLECTION));
    ImageObjectRepository imageObjects = new ImageObjectRepository(vertx, s3);
    // a page or an answer read from a replica may be behind the generation it is kept under: keep it no longer than
    // a replica may lag
    int cacheTtlSeconds = pg.hasReplicas() ? Math.min(settings.cacheTtlSeconds(), pg.maxReplicaLagSeconds())
        : settings.cacheTtlSeconds();
    ProductCache cache = new ProductCache(vertx, redis, cacheTtlSeconds, settings.cacheRecentPages());
    String kafka = conf.getJsonObject("kafka").getString("bootstrapServers");
    MeterRegistry meters = Meters.registry(conf);
    relay = new OutboxRelay(vertx, pool, SCHEMA + ".outbox", kafka, settings.outboxPollMillis(), meters);
    String mediaUrls = settings.mediaPrefix();
    CatalogTransactions writer = new CatalogTransactions(
        new OutboxTransactions(pool, new Outbox(SCHEMA + ".outbox"), relay::wakeUp, meters), cache,
        new ProductSnapshots(mediaUrls));
    activity = ActivityPublisher.acquire(vertx, kafka);
    ProductRepository productRows = new ProductRepository();
    SkuRepository skuRows = new SkuRepository();
    ProductGuard guard = new ProductGuard(productRows);
    SearchRepository searchRows = new SearchRepository();
    SearchTerms terms = new SearchTerms(searchRows);
    InventoryRepository inventoryRows = new InventoryRepository();
    ProductReadService reader = new ProductReadService(reads, replicas, writers, productRows, details, cache,
        mediaUrls, new ProductViews(activity), new CacheHits(meters, "product_page"));
    ProductService products = new ProductService(writer, productRows, guard, skuRows, terms, details, reader);
    SkuService skus = new SkuService(writer, guard, productRows, skuRows, inventoryRows);
    CategoryService categories = new CategoryService(pool, writer, new CategoryRepository());
    BrandService brands = new BrandService(pool, writer, new BrandRepository(), terms);
    SearchService search = new SearchService(replicas, searchRows, redis, new TypoCorrector(searchRows), mediaUrls,
        new SearchResults(redis, settings.searchCachedResults(), Duration.ofSeconds(cacheTtlSeconds)),
        new CacheHits(meters, "search"));
    resizing = vertx.createSharedWorkerExecutor(RESIZING_POOL, RESIZING_THREADS);
    ImageService imageService = new ImageService(resizing, pool, writer, guard, new ImageRepository(), imageObjects,
        new ImageProcessor(settings.images().maxBytes(), settings.images().maxPixels()),
        settings.images().maxPerProduct(), mediaUrls);
    MediaService media = new MediaService(imageObjects);
    SkuLookup skuLookup = new SkuLookup(reads, skuRows,
        new SkuFactsCache(cache, settings.cacheRecentSkus(), cacheTtlSeconds), mediaUrls);
    InventoryService inventory = new InventoryService(writer, new ReservationRepository(), inventoryRows, mediaUrls,
        settings.reservations().defaultTtlSeconds());
    demoLoader = new DemoCatalogLoader(vertx, pool, products, imageService,
        settings.demo().products());
    Counter released = Counter.builder("polymart.reservations.released")
        .description("Expired stock reservations released by the sweeper").register(meters);
    sweeper = new Sweeper(vertx, "expired reservations released",
        settings.reservations().sweepIntervalSeconds() * 1000L, InventoryService.SWEEP_BATCH,
        limit -> inventory.releaseExpired(limit).onSuccess(released::increment));
    ratingEvents = new EventConsumer(vertx, EventConsumerSettings.of(kafka, EVENTS_GROUP, RatingProjection.TOPIC),
        new RatingProjection(pool, cache), new MongoProcessedEvents(vertx, documents, EVENT_STORES),
        new MongoParkedEvents(vertx, documents, EVENT_STORES), meters);

    CatalogBindings bindings = new CatalogBindings(categories, brands, search, reader, products, skus,
        imageService, inventory, skuLookup, media);
    BusServer server = new BusServer(vertx, meters)
        .handle(CATALOG_CATEGORIES_LIST, bindings::categoryTree)
        .handle(CATALOG_CATEGORY_CREATE, writers.marking(bindings::createCategory))
        .handle(CATALOG_CATEGORY_UPDATE, writers.marking(bindings::updateCategory))
        .handle(CATALOG_CATEGORY_DELETE, writers.marking(bindings::deleteCategory))
        .handle(CATALOG_BRANDS_LIST, bindings::brandList)
        .handle(CATALOG_BRAND_CREATE, writers.marking(bindings::createBrand))
        .handle(CATALOG_BRAND_UPDATE, writers.marking(bindings::updateBrand))
        .handle(CATALOG_BRAND_DELETE, writers.marking(bindings::deleteBrand))
        .handleReply(CATALOG_PRODUCTS_SEARCH, bindings::searchProducts)
        .handle(CATALOG_SEARCH_SUGGEST, bindings::suggest)
        .handle(CATALOG_SEARCH_HOT, bindings::hotKeywords)
        .handle(CATALOG_SELLER_PRODUCTS, bindings::sellerProducts)
        .handleReply(CATALOG_PRODUCT_GET, bindings::product)
        .handle(CATALOG_PRODUCT_PRICE_HISTORY, bindings::priceHistory)
        .handle(CATALOG_PRODUCT_CREATE, writers.marking(bindings::createProduct))
        .handle(CATALOG_PRODUCT_UPDATE, writers.marking(bindings::updateProduct))
        .handle(CATALOG_PRODUCT_PUBLISH, writers.marking(bindings::publishProduct))
        .handle(CATALOG_PRODUCT_UNPUBLISH, writers.marking(bindings::unpublishProduct))
        .handle(CATALOG_PRODUCT_DELETE, writers.marking(bindings::deleteProduct))
        .handle(CATALOG_SKU_CREATE, writers.marking(bindings::createSku))
        .handle(CATALOG_SKU_UPDATE, writers.marking(bindings::updateSku))
        .handle(CATALOG_SKU_PRICE, writers.marking(bindings::priceSku))
        .handle(CATALOG_SKU_STOCK, writers.marking(bindings::adjustStock))
        .handle(CATALOG_IMAGE_UPLOAD, writers.marking(bindings::uploadImage))
        .handle(CATALOG_IMAGE_DELETE, writers.marking(bindings::deleteImage))
        .handle(CATALOG_IMAGE_REORDER, writers.marking(bindings::reorderImages))
        .handle(CATALOG_IMAGE_COVER, writers.marking(bindings::coverImage))
        .handle(CATALOG_MEDIA_GET, bindings::mediaObject)
        .handle(CATALOG_STOCK_RESERVE, bindings::reserveStock)
        .handle(CATALOG_STOCK_CONFIRM, bindings::confirmStock)
        .handle(CATALOG_STOCK_RELEASE, bindings::releaseStock)
        .handle(CATALOG_STOCK_RESTORE, bindings::restoreStock)
        .handle(CATALOG_SKUS_LOOKUP, bindings::lookupSkus);

    return Migrations.apply(vertx, pg, SCHEMA)
        .compose(v -> imageObjects.ensureBucket())
        .compose(v -> server.ready())
        .compose(v -> relay.start())
        .compose(v -> ratingEvents.start())
        .<Void>mapEmpty()
        .onSuccess(v -> {
          sweeper.start();
          if (settings.demo().enabled()) {
            // in the background: the platform is usable while the demo products arrive
            demoLoaded = demoLoader.load().onFailure(e -> LOG.error("Loading the demo catalog failed", e));
          }
        });
  }

  /** Completes when the demo catalog this instance loads (if any) is in. */
  public Future<Void> demoLoaded() {
    return demoLoaded;
  }

  @Override
  public Future<?> stop() {
    if (demoLoader != null) {
      demoLoader.stop();
    }
    Future<Void> consumerClosed = ratingEvents == null ? Future.succeededFuture() : ratingEvents.close();
    return consumerClosed.transform(v -> closeClients());
  }

  private Future<Void> closeClients() {
    if (sweeper != null) {
      sweeper.stop();
    }
    if (resizing != null) {
      resizing.close();
    }
    Future<Void> relayStopped = relay == null ? Future.succeededFuture() : relay.stop();
    Future<Void> activityClosed = activity == null ? Future.succeededFuture() : activity.release();
    if (mongo != null) {
      mongo.close();
    }
    if (redis != null) {
      redis.close();
    }
    return relayStopped
        .compose(v -> activityClosed)
        .compose(v -> replicas == null ? Future.succeededFuture() : replicas.close())
        .compose(v -> reads == null ? Future.succeededFuture() : reads.close())
        .compose(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
