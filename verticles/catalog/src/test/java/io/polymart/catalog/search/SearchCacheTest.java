package io.polymart.catalog.search;

import io.polymart.catalog.CatalogFixture;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.polymart.catalog.CatalogFixture.activeProduct;
import static io.polymart.catalog.CatalogFixture.createCategory;
import static io.polymart.catalog.CatalogFixture.createProduct;
import static io.polymart.catalog.CatalogFixture.id;
import static io.polymart.catalog.CatalogFixture.ok;
import static io.polymart.catalog.CatalogFixture.publish;
import static io.polymart.catalog.CatalogFixture.sku;
import static io.polymart.catalog.CatalogFixture.unique;
import static io.polymart.core.bus.Addresses.CATALOG_BRAND_CREATE;
import static io.polymart.core.bus.Addresses.CATALOG_PRODUCTS_SEARCH;
import static io.polymart.core.bus.Addresses.CATALOG_SKU_PRICE;
import static io.polymart.core.bus.Addresses.CATALOG_SKU_STOCK;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog instance's cache of search answers: hits while nothing changed, never a stale or another's answer. */
class SearchCacheTest {
  private static Reply search(JsonObject query) {
    Reply reply = CatalogFixture.await(CatalogFixture.node().send(CATALOG_PRODUCTS_SEARCH, new JsonObject(), query,
        new JsonObject(), Caller.anonymous()));
    reply.orThrow();
    return reply;
  }

  private static List<String> ids(Reply reply) {
    return reply.body().getJsonArray("items").stream().map(item -> ((JsonObject) item).getString("id")).toList();
  }

  private static String price(Reply reply, String productId) {
    return reply.body().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(item -> productId.equals(item.getString("id"))).findFirst().orElseThrow().getString("price");
  }

  @Test
  void anAnswerIsServedAgainUntilAnyChangeInTheCatalogWhichIsVisibleAtOnce() {
    Caller seller = Caller.seller();
    String category = createCategory();
    JsonObject product = activeProduct(seller, sku("10.00", 5));
    // the fixture's products share one category: search this test's own
    String productId = createProductIn(seller, category, "20.00");
    JsonObject query = new JsonObject().put("category", category);

    Reply first = search(query);
    Reply second = search(query);
    assertThat(first.header("x-cache")).isEqualTo("MISS");
    assertThat(second.header("x-cache")).isEqualTo("HIT");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(ids(first)).containsExactly(productId);

    // a price change is answered only after the cached answers were dropped
    String skuId = CatalogFixture.product(productId).getJsonArray("skus").getJsonObject(0).getString("id");
    ok(CATALOG_SKU_PRICE, id(skuId), new JsonObject().put("price", "21.50"), seller);
    Reply repriced = search(query);
    assertThat(repriced.header("x-cache")).isEqualTo("MISS");
    assertThat(price(repriced, productId)).isEqualTo("21.50");
    assertThat(search(query).header("x-cache")).isEqualTo("HIT");

    // a change elsewhere in the catalog drops this answer too (stock of another product, a new brand)
    String otherSku = product.getJsonArray("skus").getJsonObject(0).getString("id");
    ok(CATALOG_SKU_STOCK, id(otherSku), new JsonObject().put("delta", 1).put("reason", "delivery"), seller);
    assertThat(search(query).header("x-cache")).isEqualTo("MISS");
    String brand = unique("brand");
    ok(CATALOG_BRAND_CREATE, new JsonObject(), new JsonObject().put("name", "Brand " + brand).put("slug", brand),
        Caller.admin());
    Reply afterBrand = search(query);
    assertThat(afterBrand.header("x-cache")).isEqualTo("MISS");
    assertThat(afterBrand.body()).isEqualTo(repriced.body());
  }

  @Test
  void aDraftNeverShowsAndAPublishedProductShowsAtOnce() {
    Caller seller = Caller.seller();
    String category = createCategory();
    String visible = createProductIn(seller, category, "5.00");
    String draft = createProduct(seller, category, sku("6.00", 3)).getString("id");
    JsonObject query = new JsonObject().put("category", category);

    assertThat(ids(search(query))).containsExactly(visible);
    Reply cached = search(query);
    assertThat(cached.header("x-cache")).isEqualTo("HIT");
    assertThat(ids(cached)).containsExactly(visible);

    publish(draft, seller);
    assertThat(ids(search(query))).containsExactlyInAnyOrder(visible, draft);
  }

  @Test
  void differentQueriesNeverGetEachOthersAnswers() {
    Caller seller = Caller.seller();
    String category = createCategory();
    String cheap = createProductIn(seller, category, "1.00");
    String dear = createProductIn(seller, category, "99.00");
    JsonObject byPrice = new JsonObject().put("category", category).put("sort", "price_asc");
    JsonObject byPriceDown = new JsonObject().put("category", category).put("sort", "price_desc");
    JsonObject cheapOnly = new JsonObject().put("category", category).put("maxPrice", "10");
    JsonObject secondPage = new JsonObject().put("category", category).put("sort", "price_asc").put("size", "1")
        .put("page", "2");

    JsonObject empty = new JsonObject().put("category", createCategory());

    for (int round = 0; round < 2; round++) {
      assertThat(ids(search(byPrice))).containsExactly(cheap, dear);
      assertThat(ids(search(byPriceDown))).containsExactly(dear, cheap);
      assertThat(ids(search(cheapOnly))).containsExactly(cheap);
      assertThat(ids(search(secondPage))).containsExactly(dear);
      assertThat(search(empty).body().getLong("total")).isZero();
    }
    // equal after normalising (a blank q is no q): the same answer
    Reply same = search(new JsonObject().put("category", category).put("sort", "price_asc").put("q", "  "));
    assertThat(same.header("x-cache")).isEqualTo("HIT");
    assertThat(ids(same)).containsExactly(cheap, dear);
  }

  private static String createProductIn(Caller seller, String category, String price) {
    String id = createProduct(seller, category, sku(price, 5)).getString("id");
    publish(id, seller);
    return id;
  }
}
