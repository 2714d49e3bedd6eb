package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static io.polymart.main.CatalogFixtures.API;
import static io.polymart.main.CatalogFixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /products/{id} through the Redis product cache: hits, ETags, invalidation on every change, single flight. */
class ProductCacheTest {
  private final CatalogFixtures fx = new CatalogFixtures();

  @Test
  void aMissIsFollowedByHitsWithTheSameETagAndAMatchingIfNoneMatchIs304() {
    Users.Session seller = fx.seller();
    JsonObject category = fx.ownCategory("cache");
    String id = fx.publishedProduct(seller, "Cache " + CatalogFixtures.word(6), category.getString("id"), "12.50")
        .getString("id");

    Reply first = fx.getProduct(id, null);
    Reply second = fx.getProduct(id, null);
    Reply third = fx.getProduct(id, null);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("X-Cache")).isEqualTo("MISS");
    assertThat(second.header("X-Cache")).isEqualTo("HIT");
    assertThat(third.header("X-Cache")).isEqualTo("HIT");
    String etag = first.header("ETag");
    assertThat(etag).matches("\"[0-9a-f]+\"");
    assertThat(second.header("ETag")).isEqualTo(etag);
    assertThat(third.header("ETag")).isEqualTo(etag);
    assertThat(second.json()).isEqualTo(first.json());
    assertThat(first.json().getString("id")).isEqualTo(id);
    assertThat(first.json().getString("price")).isEqualTo("12.50");

    Reply notModified = fx.http.get(API + "/products/" + id).header("If-None-Match", etag).send();
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.text()).isEmpty();
    assertThat(notModified.header("ETag")).isEqualTo(etag);
    Reply weak = fx.http.get(API + "/products/" + id).header("If-None-Match", "\"other\", W/" + etag).send();
    assertThat(weak.status()).isEqualTo(304);
    Reply stale = fx.http.get(API + "/products/" + id).header("If-None-Match", "\"0123456789abcdef01234567\"").send();
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.json()).isEqualTo(first.json());
  }

  @Test
  void everyKindOfChangeDropsTheCachedProduct() {
    Users.Session seller = fx.seller();
    JsonObject category = fx.ownCategory("inval");
    String code = "INV-" + CatalogFixtures.word(8);
    JsonObject created = fx.createProduct(seller, CatalogFixtures.product("Invalidate " + CatalogFixtures.word(6),
        category.getString("id"), null, "before", sku(code, "20.00", Map.of("color", "red"), 10)));
    String id = created.getString("id");
    String skuId = created.getJsonArray("skus").getJsonObject(0).getString("id");
    fx.publish(seller, id);

    String etag = warm(id, seller);

    Reply patched = fx.http.patch(API + "/products/" + id).bearer(seller.accessToken())
        .json(new JsonObject().put("name", "Renamed product").put("description", "after")).send();
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    etag = assertReloaded(id, seller, etag, body -> {
      assertThat(body.getString("name")).isEqualTo("Renamed product");
      assertThat(body.getString("description")).isEqualTo("after");
    });

    JsonObject brand = fx.brand("Brand " + CatalogFixtures.word(6), "inval-" + CatalogFixtures.word(10));
    Reply branded = fx.http.patch(API + "/products/" + id).bearer(seller.accessToken())
        .json(new JsonObject().put("brandId", brand.getString("id"))).send();
    assertThat(branded.status()).as(branded.toString()).isEqualTo(200);
    etag = assertReloaded(id, seller, etag,
        body -> assertThat(body.getJsonObject("brand").getString("id")).isEqualTo(brand.getString("id")));
    // the page shows its brand's and category's names: renaming them drops it too
    Users.Session admin = fx.admin();
    Reply brandRenamed = fx.http.patch(API + "/brands/" + brand.getString("id")).bearer(admin.accessToken())
        .json(new JsonObject().put("name", "Renamed brand")).send();
    assertThat(brandRenamed.status()).as(brandRenamed.toString()).isEqualTo(200);
    etag = assertReloaded(id, seller, etag,
        body -> assertThat(body.getJsonObject("brand").getString("name")).isEqualTo("Renamed brand"));
    Reply categoryRenamed = fx.http.patch(API + "/categories/" + category.getString("id")).bearer(admin.accessToken())
        .json(new JsonObject().put("name", "Renamed category")).send();
    assertThat(categoryRenamed.status()).as(categoryRenamed.toString()).isEqualTo(200);
    etag = assertReloaded(id, seller, etag,
        body -> assertThat(body.getJsonObject("category").getString("name")).isEqualTo("Renamed category"));
    Reply unbranded = fx.http.patch(API + "/products/" + id).bearer(seller.accessToken())
        .json(new JsonObject().putNull("brandId")).send();
    assertThat(unbranded.status()).as(unbranded.toString()).isEqualTo(200);
    etag = assertReloaded(id, seller, etag, body -> assertThat(body.getValue("brand")).isNull());

    Reply skuPatched = fx.http.patch(API + "/skus/" + skuId).bearer(seller.accessToken())
        .json(new JsonObject().put("attributes", new JsonObject().put("color", "blue")).put("lowStockThreshold", 2))
        .send();
    assertThat(skuPatched.status()).as(skuPatched.toString()).isEqualTo(200);
    etag = assertReloaded(id, seller, etag, body -> {
      JsonObject sku = body.getJsonArray("skus").getJsonObject(0);
      assertThat(sku.getJsonObject("attributes")).isEqualTo(new JsonObject().put("color", "blue"));
      assertThat(sku.getInteger("lowStockThreshold")).isEqualTo(2);
    });

    Reply priced = fx.http.put(API + "/skus/" + skuId + "/price").bearer(seller.accessToken())
        .json(new JsonObject().put("price", "17.30").put("originalPrice", "25.00")).send();
    assertThat(priced.status()).as(priced.toString()).isEqualTo(200);
    etag = assertReloaded(id, seller, etag, body -> {
      assertThat(body.getString("price")).isEqualTo("17.30");
      assertThat(body.getJsonArray("skus").getJsonObject(0).getString("price")).isEqualTo("17.30");
      assertThat(body.getJsonArray("skus").getJsonObject(0).getString("originalPrice")).isEqualTo("25.00");
    });

    Reply stocked = fx.http.post(API + "/skus/" + skuId + "/stock").bearer(seller.accessToken())
        .json(new JsonObject().put("delta", 5).put("reason", "delivery")).send();
    assertThat(stocked.status()).as(stocked.toString()).isEqualTo(200);
    assertThat(stocked.json().getInteger("available")).isEqualTo(15);
    etag = assertReloaded(id, seller, etag,
        body -> assertThat(body.getJsonArray("skus").getJsonObject(0).getInteger("available")).isEqualTo(15));

    JsonObject image = fx.uploadOk(seller, id, CatalogFixtures.image("a.png", "image/png",
        CatalogFixtures.png(40, 30, false)));
    etag = assertReloaded(id, seller, etag, body -> {
      assertThat(CatalogFixtures.ids(body.getJsonArray("images"))).containsExactly(image.getString("id"));
      assertThat(body.getJsonArray("images").getJsonObject(0).getBoolean("cover")).isTrue();
    });

    Reply deleted = fx.http.delete(API + "/products/" + id + "/images/" + image.getString("id"))
        .bearer(seller.accessToken()).send();
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    etag = assertReloaded(id, seller, etag, body -> assertThat(body.getJsonArray("images")).isEmpty());

    Reply unpublished = fx.http.post(API + "/products/" + id + "/unpublish").bearer(seller.accessToken()).send();
    assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
    etag = assertReloaded(id, seller, etag, body -> assertThat(body.getString("status")).isEqualTo("INACTIVE"));
    assertThat(fx.getProduct(id, null).status()).isEqualTo(404);

    fx.publish(seller, id);
    assertReloaded(id, seller, etag, body -> assertThat(body.getString("status")).isEqualTo("ACTIVE"));
    Reply anonymous = fx.getProduct(id, null);
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.header("X-Cache")).isEqualTo("HIT");
  }

  /** Loads the product into the cache and returns its ETag, checking the next read is a hit. */
  private String warm(String id, Users.Session who) {
    Reply first = fx.getProduct(id, who);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    Reply second = fx.getProduct(id, who);
    assertThat(second.header("X-Cache")).isEqualTo("HIT");
    assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
    return second.header("ETag");
  }

  /** After a change: a miss with a new ETag showing the change, then hits again. Returns the new ETag. */
  private String assertReloaded(String id, Users.Session who, String previousEtag, Consumer<JsonObject> change) {
    Reply reloaded = fx.getProduct(id, who);
    assertThat(reloaded.status()).as(reloaded.toString()).isEqualTo(200);
    assertThat(reloaded.header("X-Cache")).as("first read after the change").isEqualTo("MISS");
    assertThat(reloaded.header("ETag")).isNotEqualTo(previousEtag);
    change.accept(reloaded.json());
    Reply again = fx.getProduct(id, who);
    assertThat(again.header("X-Cache")).isEqualTo("HIT");
    assertThat(again.header("ETag")).isEqualTo(reloaded.header("ETag"));
    assertThat(again.json()).isEqualTo(reloaded.json());
    Reply revalidated = fx.http.get(API + "/products/" + id).bearer(who.accessToken())
        .header("If-None-Match", previousEtag).send();
    assertThat(revalidated.status()).as("the old ETag no longer matches").isEqualTo(200);
    return reloaded.header("ETag");
  }

  @Test
  void concurrentReadsOfAColdProductLoadItOnce() {
    Users.Session seller = fx.seller();
    JsonObject category = fx.ownCategory("flight");
    JsonObject product = fx.publishedProduct(seller, "Flight " + CatalogFixtures.word(6), category.getString("id"),
        "30.00");
    String id = product.getString("id");
    String skuId = product.getJsonArray("skus").getJsonObject(0).getString("id");

    // cold after publishing
    assertSingleFlight(id, "30.00");

    // cold again after a price change
    Reply priced = fx.http.put(API + "/skus/" + skuId + "/price").bearer(seller.accessToken())
        .json(new JsonObject().put("price", "31.00")).send();
    assertThat(priced.status()).as(priced.toString()).isEqualTo(200);
    assertSingleFlight(id, "31.00");
  }

  private void assertSingleFlight(String id, String price) {
    int clients = 40;
    HttpRequest request = HttpRequest.newBuilder(URI.create(TestPlatform.baseUrl() + API + "/products/" + id))
        .timeout(Duration.ofSeconds(30)).GET().build();
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      calls.add(CatalogFixtures.rawClient().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

    assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
    List<String> caches = responses.stream().map(r -> r.headers().firstValue("X-Cache").orElse("none")).toList();
    assertThat(caches.stream().filter("MISS"::equals).count()).as("misses among %s", caches).isEqualTo(1);
    assertThat(caches.stream().filter("HIT"::equals).count()).isEqualTo(clients - 1);
    assertThat(responses.stream().map(HttpResponse::body).distinct().toList()).hasSize(1);
    assertThat(responses.stream().map(r -> r.headers().firstValue("ETag").orElse("")).distinct().toList())
        .hasSize(1);
    assertThat(new JsonObject(responses.get(0).body()).getString("price")).isEqualTo(price);
  }

  @Test
  void aReadAfterAChangeNeverSeesTheProductAsItWasBefore() throws Exception {
    Users.Session seller = fx.seller();
    JsonObject category = fx.ownCategory("stale");
    // a large detail document makes each load take a little longer
    JsonObject details = new JsonObject().put("longDescription", new JsonObject().put("format", "markdown")
        .put("content", "A busy product. ".repeat(3500)));
    JsonObject created = fx.createProduct(seller, CatalogFixtures.product("Busy " + CatalogFixtures.word(6),
        category.getString("id"), null, null, sku("BUSY-" + CatalogFixtures.word(8), "100.00")).put("details", details));
    JsonObject product = fx.publish(seller, created.getString("id"));
    String id = product.getString("id");
    String skuId = product.getJsonArray("skus").getJsonObject(0).getString("id");

    // other shoppers keep reading the product, so loads are in flight when the seller changes it
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    HttpRequest read = HttpRequest.newBuilder(URI.create(TestPlatform.baseUrl() + API + "/products/" + id))
        .timeout(Duration.ofSeconds(30)).GET().build();
    List<Thread> shoppers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread shopper = new Thread(() -> {
        while (!stop.get()) {
          try {
            CatalogFixtures.rawClient().send(read, HttpResponse.BodyHandlers.discarding());
          } catch (Exception e) {
            return;
          }
        }
      }, "shopper-" + i);
      shopper.start();
      shoppers.add(shopper);
    }
    List<String> stale = new ArrayList<>();
    try {
      for (int i = 1; i <= 200 && stale.isEmpty(); i++) {
        String price = (100 + i) + ".00";
        setPrice(seller, skuId, new JsonObject().put("price", (500 + i) + ".00"));
        setPrice(seller, skuId, new JsonObject().put("price", price));
        Reply after = fx.getProduct(id, null);
        if (!price.equals(after.json().getString("price"))) {
          stale.add("round " + i + ": set " + price + ", then read " + after.json().getString("price") + " (X-Cache "
              + after.header("X-Cache") + ")");
        }
      }
    } finally {
      stop.set(true);
      for (Thread shopper : shoppers) {
        shopper.join();
      }
    }
    assertThat(stale).isEmpty();
  }

  @Test
  void aDraftIsVisibleOnlyToItsSellerAndAdmins() {
    Users.Session seller = fx.seller();
    Users.Session otherSeller = fx.seller();
    Users.Session customer = fx.customer();
    JsonObject category = fx.ownCategory("draft");
    String id = fx.createProduct(seller, CatalogFixtures.product("Draft " + CatalogFixtures.word(6),
        category.getString("id"), null, null, sku("DRF-" + CatalogFixtures.word(8), "9.99"))).getString("id");

    // the seller's read puts the draft in the cache: the others must still not see it
    JsonObject own = fx.detail(id, seller);
    assertThat(own.getString("status")).isEqualTo("DRAFT");
    assertThat(own.getString("sellerId")).isEqualTo(seller.userId());
    assertThat(fx.getProduct(id, seller).header("X-Cache")).isEqualTo("HIT");

    for (Users.Session stranger : new Users.Session[] {null, otherSeller, customer}) {
      Reply reply = fx.getProduct(id, stranger);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
      assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
      assertThat(reply.header("ETag")).isNull();
    }
    JsonObject asAdmin = fx.detail(id, fx.admin());
    assertThat(asAdmin.getString("status")).isEqualTo("DRAFT");
    assertThat(asAdmin.getString("id")).isEqualTo(id);
  }

  @Test
  void detailsAreSanitisedStoredAndServedWithTheProduct() {
    Users.Session seller = fx.seller();
    JsonObject category = fx.ownCategory("details");
    JsonObject details = new JsonObject()
        .put("longDescription", new JsonObject().put("format", "html").put("content",
            "<p onclick=\"steal()\">Fast <b>phone</b></p><script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>"))
        .put("specifications", new JsonArray().add(new JsonObject().put("name", "CPU").put("value", "8 cores")))
        .put("attributeGroups", new JsonArray().add(new JsonObject().put("name", "Screen").put("attributes",
            new JsonArray().add(new JsonObject().put("name", "Size").put("value", "6.1\"")))))
        .put("packageContents", new JsonArray().add("Phone").add("Cable"))
        .put("extra", new JsonObject().put("n", 12345678901L).put("f", 1.5).put("ok", true)
            .put("nested", new JsonObject().put("list", new JsonArray().add(1).add("two").addNull())));
    JsonObject created = fx.createProduct(seller, CatalogFixtures.product("Detailed " + CatalogFixtures.word(6),
        category.getString("id"), null, null, sku("DET-" + CatalogFixtures.word(8), "3.00")).put("details", details));
    String id = created.getString("id");

    JsonObject stored = fx.detail(id, seller).getJsonObject("details");
    String html = stored.getJsonObject("longDescription").getString("content");
    assertThat(html).contains("<p>Fast <b>phone</b></p>").doesNotContain("script", "onclick", "javascript:");
    JsonObject expected = details.copy();
    expected.getJsonObject("longDescription").put("content", html);
    assertThat(stored).isEqualTo(expected);
    assertThat(created.getJsonObject("details")).isEqualTo(expected);

    // replacing the document is a change like any other
    String etag = warm(id, seller);
    Reply replaced = fx.http.patch(API + "/products/" + id).bearer(seller.accessToken()).json(new JsonObject()
        .put("details", new JsonObject().put("packageContents", new JsonArray().add("Only this")))).send();
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertReloaded(id, seller, etag, body -> assertThat(body.getJsonObject("details"))
        .isEqualTo(new JsonObject().put("packageContents", new JsonArray().add("Only this"))));
  }

  @Test
  void extraDetailsComeBackExactlyAsSentAndFieldNamesMongoCannotStoreAreRefused() {
    Users.Session seller = fx.seller();
    JsonObject category = fx.ownCategory("extra");
    JsonObject extra = new JsonObject().put("nested", new JsonObject().put("deep", new JsonArray().add(1).add("two")
            .add(new JsonObject().put("three", 3.5)).addNull()))
        .put("big", 12345678901L).put("flag", true).put("label", "{\"$date\": 0}");
    JsonObject created = fx.createProduct(seller, CatalogFixtures.product("Extra " + CatalogFixtures.word(6),
        category.getString("id"), null, null, sku("EXT-" + CatalogFixtures.word(8), "3.00"))
        .put("details", new JsonObject().put("extra", extra)));
    assertThat(fx.detail(created.getString("id"), seller).getJsonObject("details").getJsonObject("extra"))
        .isEqualTo(extra);

    for (String key : List.of("$date", "a.b")) {
      Reply refused = fx.http.post(API + "/products").bearer(seller.accessToken())
          .json(CatalogFixtures.product("Refused " + CatalogFixtures.word(6), category.getString("id"), null, null,
                  sku("REF-" + CatalogFixtures.word(8), "3.00"))
              .put("details", new JsonObject().put("extra", new JsonObject().put("when", new JsonObject().put(key, 0)))))
          .send();
      assertThat(refused.status()).as(key + ": " + refused).isEqualTo(400);
      assertThat(refused.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field"))
          .isEqualTo("details.extra.when." + key);
    }
  }

  @Test
  void unknownAndMalformedIdsAreNotFound() {
    for (String id : List.of("not-a-uuid", "123", java.util.UUID.randomUUID().toString())) {
      Reply reply = fx.http.get(API + "/products/" + id).send();
      assertThat(reply.status()).as(id + ": " + reply).isEqualTo(404);
      assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
    }
  }

  @Test
  void priceHistoryListsChangesNewestFirstWithWhoMadeThem() {
    Users.Session seller = fx.seller();
    Users.Session admin = fx.admin();
    JsonObject category = fx.ownCategory("history");
    JsonObject created = fx.createProduct(seller, CatalogFixtures.product("History " + CatalogFixtures.word(6),
        category.getString("id"), null, null, sku("HA-" + CatalogFixtures.word(8), "10.00"),
        sku("HB-" + CatalogFixtures.word(8), "50.00")));
    String id = created.getString("id");
    String skuA = created.getJsonArray("skus").getJsonObject(0).getString("id");
    String skuB = created.getJsonArray("skus").getJsonObject(1).getString("id");
    fx.publish(seller, id);

    setPrice(seller, skuA, new JsonObject().put("price", "12.00").put("originalPrice", "15.00"));
    setPrice(seller, skuB, new JsonObject().put("price", "45.00"));
    setPrice(admin, skuA, new JsonObject().put("price", "11.00"));

    Reply all = fx.http.get(API + "/products/" + id + "/price-history").send();
    assertThat(all.status()).as(all.toString()).isEqualTo(200);
    JsonArray items = all.json().getJsonArray("items");
    assertThat(items).hasSize(5);
    assertEntry(items.getJsonObject(0), skuA, "12.00", "11.00", "15.00", null, admin.userId());
    assertEntry(items.getJsonObject(1), skuB, "50.00", "45.00", null, null, seller.userId());
    assertEntry(items.getJsonObject(2), skuA, "10.00", "12.00", null, "15.00", seller.userId());
    // the opening prices of both SKUs come last
    assertThat(items.getJsonObject(3).getString("oldPrice")).isNull();
    assertThat(items.getJsonObject(4).getString("oldPrice")).isNull();
    assertThat(List.of(items.getJsonObject(3).getString("newPrice"), items.getJsonObject(4).getString("newPrice")))
        .containsExactlyInAnyOrder("10.00", "50.00");
    assertThat(items.stream().map(o -> ((JsonObject) o).getString("changedAt")).toList())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());

    Reply onlyA = fx.http.get(API + "/products/" + id + "/price-history?sku=" + skuA).send();
    assertThat(onlyA.json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("newPrice")).toList())
        .containsExactly("11.00", "12.00", "10.00");
    assertThat(fx.http.get(API + "/products/" + id + "/price-history?sku=nope").send().status()).isEqualTo(400);
    // the product's price is its cheapest SKU's
    assertThat(fx.detail(id, null).getString("price")).isEqualTo("11.00");
  }

  private void setPrice(Users.Session who, String skuId, JsonObject body) {
    Reply reply = fx.http.put(API + "/skus/" + skuId + "/price").bearer(who.accessToken()).json(body).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getString("price")).isEqualTo(body.getString("price"));
  }

  private static void assertEntry(JsonObject entry, String skuId, String oldPrice, String newPrice,
      String oldOriginal, String newOriginal, String changedBy) {
    assertThat(entry.getString("skuId")).isEqualTo(skuId);
    assertThat(entry.getString("oldPrice")).isEqualTo(oldPrice);
    assertThat(entry.getString("newPrice")).isEqualTo(newPrice);
    assertThat(entry.getString("oldOriginalPrice")).isEqualTo(oldOriginal);
    assertThat(entry.getString("newOriginalPrice")).isEqualTo(newOriginal);
    assertThat(entry.getString("changedBy")).isEqualTo(changedBy);
    assertThat(entry.getString("changedAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
  }
}
