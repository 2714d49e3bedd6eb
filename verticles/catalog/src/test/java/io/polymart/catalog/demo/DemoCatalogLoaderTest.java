package io.polymart.catalog.demo;

import io.polymart.catalog.CatalogFixture;
import io.polymart.catalog.CatalogVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.polymart.catalog.CatalogFixture.await;
import static io.polymart.catalog.CatalogFixture.count;
import static io.polymart.catalog.CatalogFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

class DemoCatalogLoaderTest {
  private static final int PRODUCTS = 15;

  @Test
  void loadsASellableShopWithPicturesAndASecondLoadAddsNothing() {
    CatalogFixture.node();
    loadDemo();
    List<Long> first = counts();
    assertThat(first.get(0)).as("demo products, active, with a cover image").isEqualTo(PRODUCTS);
    assertThat(first.get(1)).as("their SKUs").isEqualTo(PRODUCTS * 3L);
    assertThat(first.get(2)).as("top-level categories").isGreaterThanOrEqualTo(8);
    assertThat(first.get(3)).as("brands").isEqualTo(30);
    assertThat(first.get(4)).as("images").isEqualTo(PRODUCTS);
    assertThat(count("SELECT count(*) FROM catalog.products p WHERE p.slug LIKE 'demo-%' AND p.min_price IS NULL"))
        .isZero();
    JsonObject product = CatalogFixture.product(query("SELECT id FROM catalog.products WHERE slug LIKE 'demo-%' "
        + "ORDER BY slug LIMIT 1").iterator().next().getUUID("id").toString());
    assertThat(product.getJsonArray("images").getJsonObject(0).getJsonObject("urls").getString("thumbnail"))
        .startsWith("/media/products/");
    assertThat(product.getJsonObject("details")).isNotNull();

    loadDemo();
    assertThat(counts()).as("a second load changes nothing").isEqualTo(first);
  }

  private static void loadDemo() {
    JsonObject config = CatalogFixture.config().copy();
    config.getJsonObject("catalog").getJsonObject("demo").put("enabled", true).put("products", PRODUCTS);
    CatalogVerticle verticle = new CatalogVerticle();
    String id = await(CatalogFixture.vertx().deployVerticle(verticle, new DeploymentOptions().setConfig(config)));
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
    return List.of(
        count("SELECT count(*) FROM catalog.products p WHERE p.slug LIKE 'demo-%' AND p.status = 'ACTIVE' "
            + "AND EXISTS (SELECT 1 FROM catalog.product_images im WHERE im.product_id = p.id AND im.cover)"),
        count("SELECT count(*) FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id "
            + "WHERE p.slug LIKE 'demo-%'"),
        count("SELECT count(*) FROM catalog.categories WHERE parent_id IS NULL AND slug = ANY($1)", (Object) topLevel),
        count("SELECT count(*) FROM catalog.brands WHERE slug = ANY($1)", (Object) brands),
        count("SELECT count(*) FROM catalog.product_images im JOIN catalog.products p ON p.id = im.product_id "
            + "WHERE p.slug LIKE 'demo-%'"));
  }
}
