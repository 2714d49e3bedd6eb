package io.polymart.catalog.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.polymart.catalog.CatalogFixture;
import io.polymart.catalog.CatalogVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static io.polymart.catalog.CatalogFixture.await;
import static io.polymart.catalog.CatalogFixture.count;
import static io.polymart.catalog.CatalogFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

class DemoCatalogLoaderTest {
  private static final int PRODUCTS = 15;

  @Test
  void aLoadCutShortByAStopEndsQuietlyTheNextLoadsASellableShopWithPicturesAndAThirdAddsNothing() {
    CatalogFixture.node();
    List<ILoggingEvent> stopped = logOfALoadStoppedAtOnce();
    assertThat(stopped).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).as("warnings and errors")
        .isEmpty();
    assertThat(stopped).extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(line -> line.contains("stopped before it was complete"));

    loadDemo();
    List<Long> first = counts();
    assertThat(first.get(0)).as("demo products, active, with a cover image").isEqualTo(PRODUCTS);
    assertThat(first.get(1)).as("their SKUs").isEqualTo(PRODUCTS * 3L);
    assertThat(first.get(2)).as("top-level categories").isGreaterThanOrEqualTo(8);
    assertThat(first.get(3)).as("brands").isEqualTo(30);
    assertThat(first.get(4)).as("images").isEqualTo(PRODUCTS);
    assertThat(count("SELECT count(*) FROM catalog.products p WHERE p.slug LIKE 'demo-%' AND p.min_price IS NULL"))
        .isZero();
    JsonObject product = CatalogFixture.product(query("SELECT id FROM catalog.products WHERE slug = $1",
        DemoCatalog.generate(PRODUCTS).products().get(0).slug()).iterator().next().getUUID("id").toString());
    assertThat(product.getJsonArray("images").getJsonObject(0).getJsonObject("urls").getString("thumbnail"))
        .startsWith("/media/products/");
    assertThat(product.getJsonObject("details")).isNotNull();

    loadDemo();
    assertThat(counts()).as("a third load changes nothing").isEqualTo(first);
  }

  /** What the loader and its verticle log when the verticle stops right after it started loading. */
  private static List<ILoggingEvent> logOfALoadStoppedAtOnce() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger loaderLog = (Logger) LoggerFactory.getLogger(DemoCatalogLoader.class);
    Logger verticleLog = (Logger) LoggerFactory.getLogger(CatalogVerticle.class);
    loaderLog.addAppender(log);
    verticleLog.addAppender(log);
    try {
      CatalogVerticle verticle = new CatalogVerticle();
      String id = await(CatalogFixture.vertx().deployVerticle(verticle, new DeploymentOptions().setConfig(demoConfig())));
      await(CatalogFixture.vertx().undeploy(id));
      await(verticle.demoLoaded());
      return log.list;
    } finally {
      loaderLog.detachAppender(log);
      verticleLog.detachAppender(log);
    }
  }

  private static JsonObject demoConfig() {
    JsonObject config = CatalogFixture.config().copy();
    config.getJsonObject("catalog").getJsonObject("demo").put("enabled", true).put("products", PRODUCTS);
    return config;
  }

  private static void loadDemo() {
    CatalogVerticle verticle = new CatalogVerticle();
    String id = await(CatalogFixture.vertx().deployVerticle(verticle, new DeploymentOptions().setConfig(demoConfig())));
    try {
      await(verticle.demoLoaded());
    } finally {
      await(CatalogFixture.vertx().undeploy(id));
    }
  }

  private static List<Long> counts() {
    DemoCatalog demo = DemoCatalog.generate(PRODUCTS);
    String[] topLevel = demo.categories().stream().filter(DemoCategory::topLevel).map(DemoCategory::slug)
        .toArray(String[]::new);
    String[] brands = demo.brands().stream().map(DemoBrand::slug).toArray(String[]::new);
    String[] products = demo.products().stream().map(DemoProduct::slug).toArray(String[]::new);
    return List.of(
        count("SELECT count(*) FROM catalog.products p WHERE p.slug = ANY($1) AND p.status = 'ACTIVE' "
            + "AND EXISTS (SELECT 1 FROM catalog.product_images im WHERE im.product_id = p.id AND im.cover)",
            (Object) products),
        count("SELECT count(*) FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id "
            + "WHERE p.slug = ANY($1)", (Object) products),
        count("SELECT count(*) FROM catalog.categories WHERE parent_id IS NULL AND slug = ANY($1)", (Object) topLevel),
        count("SELECT count(*) FROM catalog.brands WHERE slug = ANY($1)", (Object) brands),
        count("SELECT count(*) FROM catalog.product_images im JOIN catalog.products p ON p.id = im.product_id "
            + "WHERE p.slug = ANY($1)", (Object) products));
  }
}
