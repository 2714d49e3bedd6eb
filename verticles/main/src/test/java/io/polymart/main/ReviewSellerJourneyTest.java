package io.polymart.main;

import io.polymart.core.client.BusClient;
import io.polymart.core.client.BusSettings;
import io.polymart.testing.Await;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.REVIEWS_PURCHASES_LIST;
import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the gateway, with the real catalog answering the reviews verticle: a review needs a product on sale and
 * shows the bought SKU's attributes; the product's seller replies (plain text, shown in the product's reviews) and
 * moderates its reviews, another seller cannot see or touch them, an admin can.
 */
class ReviewSellerJourneyTest {
  private final Shop shop = new Shop();

  @Test
  void theSellerRepliesToAndModeratesTheReviewsOfTheirProductsOnly() {
    Shop.Buyer buyer = shop.buyer();
    Shop.Sku sku = shop.stockedSku("25.00", 5);
    String orderId = shop.paidOrder(buyer, sku, 1).getString("id");
    assertThat(shop.staff(shop.seller(), orderId, "ship", new JsonObject().put("carrier", "SF")
        .put("trackingNo", "SF-RS1")).status()).isEqualTo(200);
    assertThat(shop.staff(shop.seller(), orderId, "deliver", null).status()).isEqualTo(200);
    awaitEligible(buyer, sku);
    JsonObject review = new JsonObject().put("skuId", sku.skuId()).put("rating", 3).put("body", "Colour faded");

    Reply unknown = shop.http.post(API + "/products/" + UUID.randomUUID() + "/reviews").bearer(buyer.token())
        .json(review).send();
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    String reviews = API + "/products/" + sku.productId() + "/reviews";
    Reply created = shop.http.post(reviews).bearer(buyer.token()).json(review).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getJsonObject("sku")).isEqualTo(new JsonObject().put("id", sku.skuId())
        .put("attributes", new JsonObject().put("color", "red")));
    String id = created.json().getString("id");
    String reply = API + "/reviews/" + id + "/reply";

    Users.Session rival = shop.fx.seller();
    String script = "<script>alert('xss')</script> We are sorry";
    Reply foreign = shop.http.put(reply).bearer(rival.accessToken()).json(new JsonObject().put("body", "Ours!")).send();
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
    Reply byBuyer = shop.http.put(reply).bearer(buyer.token()).json(new JsonObject().put("body", "Me")).send();
    assertThat(byBuyer.status()).isEqualTo(403);
    Reply blank = shop.http.put(reply).bearer(shop.seller().accessToken()).json(new JsonObject().put("body", " "))
        .send();
    assertThat(blank.status()).isEqualTo(400);
    Reply replied = shop.http.put(reply).bearer(shop.seller().accessToken())
        .json(new JsonObject().put("body", script)).send();
    assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
    assertThat(replied.json().getJsonObject("reply").getString("body")).isEqualTo(script);

    Reply list = shop.http.get(reviews).send();
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.header("Content-Type")).startsWith("application/json");
    JsonObject listed = list.json().getJsonArray("items").getJsonObject(0);
    assertThat(listed.getJsonObject("reply").getString("body")).isEqualTo(script);
    assertThat(listed.getJsonObject("sku").getJsonObject("attributes").getString("color")).isEqualTo("red");
    assertThat(listed.containsKey("sellerId")).isFalse();

    Reply byAdmin = shop.http.put(reply).bearer(shop.admin().accessToken())
        .json(new JsonObject().put("body", "Replaced by the shop")).send();
    assertThat(byAdmin.status()).isEqualTo(200);
    assertThat(byAdmin.json().getJsonObject("reply").getString("createdAt"))
        .isEqualTo(replied.json().getJsonObject("reply").getString("createdAt"));

    assertThat(moderation(shop.seller())).containsExactly(id);
    assertThat(moderation(rival)).doesNotContain(id);
    Reply rivalRejects = shop.http.post(API + "/admin/reviews/" + id + "/reject").bearer(rival.accessToken())
        .json(new JsonObject().put("reason", "Competitor")).send();
    assertThat(rivalRejects.status()).isEqualTo(404);
    Reply rejected = shop.http.post(API + "/admin/reviews/" + id + "/reject").bearer(shop.seller().accessToken())
        .json(new JsonObject().put("reason", "Off topic")).send();
    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
    assertThat(shop.http.get(reviews).send().json().getLong("total")).isZero();
    Reply published = shop.http.post(API + "/admin/reviews/" + id + "/publish").bearer(shop.seller().accessToken())
        .send();
    assertThat(published.json().getString("status")).isEqualTo("PUBLISHED");

    assertThat(shop.http.delete(reply).bearer(rival.accessToken()).send().status()).isEqualTo(404);
    assertThat(shop.http.delete(reply).bearer(shop.seller().accessToken()).send().status()).isEqualTo(204);
    assertThat(shop.http.get(reviews).send().json().getJsonArray("items").getJsonObject(0).getValue("reply"))
        .isNull();
  }

  private List<String> moderation(Users.Session who) {
    Reply page = shop.http.get(API + "/admin/reviews?size=100").bearer(who.accessToken()).send();
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.json().getJsonArray("items").stream().map(JsonObject.class::cast).map(item -> item.getString("id"))
        .toList();
  }

  static void awaitEligible(Shop.Buyer buyer, Shop.Sku sku) {
    BusClient bus = new BusClient(TestPlatform.vertx(), new BusSettings(Duration.ofSeconds(15)));
    Await.until("the buyer to be eligible for " + sku.productId(), Duration.ofSeconds(10), () ->
        Await.result(bus.request(REVIEWS_PURCHASES_LIST, new JsonObject().put("userId", buyer.session().userId())),
                Duration.ofSeconds(15)).getJsonArray("items").stream().map(JsonObject.class::cast)
            .anyMatch(item -> item.getString("productId").equals(sku.productId()) && item.getBoolean("eligible")));
  }
}
