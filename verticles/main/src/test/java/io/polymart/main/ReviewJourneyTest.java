package io.polymart.main;

import io.polymart.core.client.BusClient;
import io.polymart.core.client.BusSettings;
import io.polymart.testing.Await;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.polymart.core.bus.Addresses.REVIEWS_PURCHASES_LIST;
import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the gateway: a buyer's order is delivered, the buyer reviews the product, and the review shows in the
 * product's list and summary; a non-buyer is refused with 403 NOT_A_VERIFIED_BUYER and a guest with 401.
 */
class ReviewJourneyTest {
  private final Shop shop = new Shop();

  @Test
  void aDeliveredBuyerReviewsAndTheReviewIsListedAndSummarised() {
    Shop.Buyer buyer = shop.buyer();
    Shop.Sku sku = shop.stockedSku("30.00", 5);
    String orderId = shop.paidOrder(buyer, sku, 1).getString("id");
    assertThat(shop.staff(shop.seller(), orderId, "ship", new JsonObject().put("carrier", "SF")
        .put("trackingNo", "SF-R1")).status()).isEqualTo(200);
    String reviews = API + "/products/" + sku.productId() + "/reviews";
    JsonObject review = new JsonObject().put("skuId", sku.skuId()).put("rating", 4)
        .put("title", "<b>Solid</b>").put("body", "<script>alert(1)</script> works");

    Reply early = shop.http.post(reviews).bearer(buyer.token()).json(review).send();
    assertThat(early.status()).isEqualTo(403);
    assertThat(early.errorCode()).isEqualTo("NOT_A_VERIFIED_BUYER");

    assertThat(shop.staff(shop.seller(), orderId, "deliver", null).status()).isEqualTo(200);
    awaitEligible(buyer, sku);
    Reply created = shop.http.post(reviews).bearer(buyer.token()).json(review).send();
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("status")).isEqualTo("PUBLISHED");
    assertThat(created.json().getBoolean("verified")).isTrue();
    assertThat(created.json().getString("body")).isEqualTo("<script>alert(1)</script> works");
    assertThat(created.json().getJsonObject("author").getString("displayName"))
        .doesNotContain("@").isNotEqualTo(buyer.session().email());

    Reply again = shop.http.post(reviews).bearer(buyer.token()).json(review).send();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("REVIEW_EXISTS");

    Reply stranger = shop.http.post(reviews).bearer(shop.buyer().token()).json(review).send();
    assertThat(stranger.status()).isEqualTo(403);
    assertThat(stranger.errorCode()).isEqualTo("NOT_A_VERIFIED_BUYER");
    Reply guest = shop.http.post(reviews).json(review).send();
    assertThat(guest.status()).isEqualTo(401);

    Reply list = shop.http.get(reviews + "?sort=rating_desc&verified=true").send();
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.header("Content-Type")).startsWith("application/json");
    JsonObject listed = list.json().getJsonArray("items").getJsonObject(0);
    assertThat(list.json().getLong("total")).isEqualTo(1);
    assertThat(listed.getString("id")).isEqualTo(created.json().getString("id"));
    assertThat(listed.getString("title")).isEqualTo("<b>Solid</b>");
    assertThat(listed.containsKey("status")).isFalse();

    Reply summary = shop.http.get(reviews + "/summary").send();
    assertThat(summary.status()).isEqualTo(200);
    assertThat(summary.json().getLong("count")).isEqualTo(1);
    assertThat(summary.json().getDouble("average")).isEqualTo(4.0);
    assertThat(summary.json().getJsonObject("histogram").getLong("4")).isEqualTo(1);
    assertThat(summary.json().getLong("verifiedCount")).isEqualTo(1);

    Reply mine = shop.http.get(API + "/me/reviews").bearer(buyer.token()).send();
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().getJsonArray("items").getJsonObject(0).getString("status")).isEqualTo("PUBLISHED");
    assertThat(mine.json().getJsonArray("reviewable")).isEmpty();
    assertThat(shop.http.get(API + "/me/reviews").send().status()).isEqualTo(401);

    String reviewPath = API + "/reviews/" + created.json().getString("id");
    Reply foreignEdit = shop.http.patch(reviewPath).bearer(shop.buyer().token())
        .json(new JsonObject().put("rating", 1)).send();
    assertThat(foreignEdit.status()).isEqualTo(404);
    Reply edit = shop.http.patch(reviewPath).bearer(buyer.token()).json(new JsonObject().put("rating", 2)).send();
    assertThat(edit.status()).isEqualTo(200);
    assertThat(edit.json().getString("status")).isEqualTo("PUBLISHED");
    assertThat(shop.http.get(reviews + "/summary").send().json().getDouble("average")).isEqualTo(2.0);

    String admin = shop.admin().accessToken();
    assertThat(shop.http.get(API + "/admin/reviews?status=PUBLISHED").bearer(buyer.token()).send().status())
        .isEqualTo(403);
    Reply rejected = shop.http.post(API + "/admin/reviews/" + created.json().getString("id") + "/reject")
        .bearer(admin).json(new JsonObject().put("reason", "Off topic")).send();
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.json().getString("rejectionReason")).isEqualTo("Off topic");
    assertThat(shop.http.get(reviews + "/summary").send().json().getLong("count")).isZero();
    Reply moderation = shop.http.get(API + "/admin/reviews?status=REJECTED&size=100").bearer(admin).send();
    assertThat(moderation.status()).isEqualTo(200);
    assertThat(moderation.json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .anyMatch(item -> item.getString("id").equals(created.json().getString("id")))).isTrue();
    assertThat(shop.http.post(API + "/admin/reviews/" + created.json().getString("id") + "/publish").bearer(admin)
        .send().json().getString("status")).isEqualTo("PUBLISHED");
    assertThat(shop.http.get(reviews + "/summary").send().json().getLong("count")).isEqualTo(1);

    assertThat(shop.http.delete(reviewPath).bearer(buyer.token()).send().status()).isEqualTo(204);
    assertThat(shop.http.get(reviews + "/summary").send().json().getLong("count")).isZero();
    assertThat(shop.http.get(reviews).send().json().getLong("total")).isZero();
  }

  private static void awaitEligible(Shop.Buyer buyer, Shop.Sku sku) {
    BusClient bus = new BusClient(TestPlatform.vertx(), new BusSettings(Duration.ofSeconds(15)));
    Await.until("the buyer to be eligible for " + sku.productId(), Duration.ofSeconds(10), () ->
        Await.result(bus.request(REVIEWS_PURCHASES_LIST, new JsonObject().put("userId", buyer.session().userId())),
                Duration.ofSeconds(15)).getJsonArray("items").stream().map(JsonObject.class::cast)
            .anyMatch(item -> item.getString("productId").equals(sku.productId()) && item.getBoolean("eligible")));
  }
}
