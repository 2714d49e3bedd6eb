package io.polymart.main;

import io.polymart.core.client.BusClient;
import io.polymart.core.client.BusSettings;
import io.polymart.testing.Await;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.polymart.core.bus.Addresses.REVIEWS_PURCHASES_LIST;
import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the gateway: other users vote on two buyers' reviews, which reorders {@code sort=helpful}; the authors
 * cannot vote on their own; three users' reports send a review back to moderation, and an admin's publish brings it
 * back.
 */
class ReviewFeedbackJourneyTest {
  private final Shop shop = new Shop();

  @Test
  void votesOrderTheHelpfulSortAndReportsHideAReviewUntilPublished() {
    Shop.Sku sku = shop.stockedSku("12.00", 5);
    Shop.Buyer first = shop.buyer();
    Shop.Buyer second = shop.buyer();
    String reviews = API + "/products/" + sku.productId() + "/reviews";
    String older = review(first, sku, reviews);
    String newer = review(second, sku, reviews);
    Shop.Buyer voter = shop.buyer();
    Shop.Buyer other = shop.buyer();

    assertThat(ids(shop.http.get(reviews + "?sort=helpful").send())).containsExactly(newer, older);
    Reply voted = vote(voter, older, true);
    assertThat(voted.status()).isEqualTo(200);
    assertThat(voted.json()).isEqualTo(new JsonObject().put("reviewId", older).put("helpfulCount", 1)
        .put("unhelpfulCount", 0).put("myVote", true));
    assertThat(vote(second, older, true).json().getInteger("helpfulCount")).isEqualTo(2);
    Reply own = vote(first, older, true);
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.errorCode()).isEqualTo("OWN_REVIEW");
    assertThat(shop.http.post(API + "/reviews/" + older + "/votes").json(new JsonObject().put("helpful", true))
        .send().status()).isEqualTo(401);
    assertThat(shop.http.post(API + "/reviews/" + older + "/votes").bearer(voter.token())
        .json(new JsonObject().put("helpful", "yes")).send().status()).isEqualTo(400);
    assertThat(vote(voter, newer, false).json().getInteger("unhelpfulCount")).isEqualTo(1);
    assertThat(shop.http.delete(API + "/reviews/" + newer + "/votes").bearer(voter.token()).send().status())
        .isEqualTo(204);

    Reply helpful = shop.http.get(reviews + "?sort=helpful").send();
    assertThat(helpful.status()).isEqualTo(200);
    assertThat(ids(helpful)).containsExactly(older, newer);
    assertThat(helpful.json().getJsonArray("items").getJsonObject(0).getInteger("helpfulCount")).isEqualTo(2);
    assertThat(helpful.json().getJsonArray("items").getJsonObject(1).getInteger("unhelpfulCount")).isZero();

    String reports = API + "/reviews/" + older + "/reports";
    JsonObject reason = new JsonObject().put("reason", "Not about this product");
    Reply ownReport = shop.http.post(reports).bearer(first.token()).json(reason).send();
    assertThat(ownReport.status()).isEqualTo(403);
    assertThat(ownReport.errorCode()).isEqualTo("OWN_REVIEW");
    for (Shop.Buyer reporter : List.of(voter, voter, other)) {
      Reply reported = shop.http.post(reports).bearer(reporter.token()).json(reason).send();
      assertThat(reported.status()).isEqualTo(202);
      assertThat(reported.json().getString("reviewId")).isEqualTo(older);
    }
    assertThat(ids(shop.http.get(reviews).send())).contains(older);
    assertThat(shop.http.post(reports).bearer(second.token()).json(reason).send().status()).isEqualTo(202);
    assertThat(ids(shop.http.get(reviews + "?sort=helpful").send())).containsExactly(newer);
    assertThat(shop.http.get(reviews + "/summary").send().json().getLong("count")).isEqualTo(1);
    assertThat(shop.http.post(reports).bearer(shop.buyer().token()).json(reason).send().status()).isEqualTo(404);

    String admin = shop.admin().accessToken();
    Reply moderation = shop.http.get(API + "/admin/reviews?status=PENDING&size=100").bearer(admin).send();
    assertThat(moderation.status()).isEqualTo(200);
    assertThat(moderation.json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(item -> item.getString("id").equals(older)).findFirst().orElseThrow()
        .getBoolean("hiddenByReports")).isTrue();
    assertThat(shop.http.post(API + "/admin/reviews/" + older + "/publish").bearer(admin).send().json()
        .getString("status")).isEqualTo("PUBLISHED");
    assertThat(ids(shop.http.get(reviews + "?sort=helpful").send())).containsExactly(older, newer);
    assertThat(shop.http.get(reviews + "/summary").send().json().getLong("count")).isEqualTo(2);
  }

  private Reply vote(Shop.Buyer voter, String reviewId, boolean helpful) {
    return shop.http.post(API + "/reviews/" + reviewId + "/votes").bearer(voter.token())
        .json(new JsonObject().put("helpful", helpful)).send();
  }

  /** The buyer's order of the SKU delivered, then their published review of it; its id. */
  private String review(Shop.Buyer buyer, Shop.Sku sku, String reviews) {
    String orderId = shop.paidOrder(buyer, sku, 1).getString("id");
    assertThat(shop.staff(shop.seller(), orderId, "ship", new JsonObject().put("carrier", "SF")
        .put("trackingNo", "SF-" + orderId.substring(0, 8))).status()).isEqualTo(200);
    assertThat(shop.staff(shop.seller(), orderId, "deliver", null).status()).isEqualTo(200);
    BusClient bus = new BusClient(TestPlatform.vertx(), new BusSettings(Duration.ofSeconds(15)));
    Await.until("the buyer to be eligible for " + sku.productId(), Duration.ofSeconds(10), () ->
        Await.result(bus.request(REVIEWS_PURCHASES_LIST, new JsonObject().put("userId", buyer.session().userId())),
                Duration.ofSeconds(15)).getJsonArray("items").stream().map(JsonObject.class::cast)
            .anyMatch(item -> item.getString("productId").equals(sku.productId()) && item.getBoolean("eligible")));
    Reply created = shop.http.post(reviews).bearer(buyer.token())
        .json(new JsonObject().put("skuId", sku.skuId()).put("rating", 5).put("body", "Worth it")).send();
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("status")).isEqualTo("PUBLISHED");
    return created.json().getString("id");
  }

  private static List<String> ids(Reply page) {
    return page.json().getJsonArray("items").stream().map(JsonObject.class::cast).map(item -> item.getString("id"))
        .toList();
  }
}
