package io.polymart.main;

import io.polymart.core.client.BusClient;
import io.polymart.core.client.BusSettings;
import io.polymart.testing.Await;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.polymart.core.bus.Addresses.REVIEWS_PURCHASES_LIST;
import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, end to end through the gateway: a delivered buyer's review, published at once, reaches the product page's
 * rating (review_stats, rating relay, polymart.reviews, the catalog's consumer, the page cache dropped). Prints the
 * median time from the review's 201 to the page showing it.
 */
class ReviewRatingJourneyTest {
  private static final Duration SHOWN_WITHIN = Duration.ofSeconds(10);
  private final Shop shop = new Shop();

  @Test
  void aPublishedReviewReachesTheProductPagesRatingWithinSeconds() {
    Shop.Buyer buyer = shop.buyer();
    List<Long> latencies = new ArrayList<>();
    int[] ratings = {5, 4, 3, 2, 4};
    for (int i = 0; i < ratings.length; i++) {
      Shop.Sku sku = shop.stockedSku("20.00", 3);
      String page = API + "/products/" + sku.productId();
      String orderId = shop.paidOrder(buyer, sku, 1).getString("id");
      assertThat(shop.staff(shop.seller(), orderId, "ship", new JsonObject().put("carrier", "SF")
          .put("trackingNo", "SF-RR" + i)).status()).isEqualTo(200);
      assertThat(shop.staff(shop.seller(), orderId, "deliver", null).status()).isEqualTo(200);
      awaitEligible(buyer, sku);
      JsonObject before = shop.http.get(page).send().json().getJsonObject("rating");
      assertThat(before.getLong("count")).isZero();

      Reply created = shop.http.post(page + "/reviews").bearer(buyer.token())
          .json(new JsonObject().put("rating", ratings[i]).put("body", "Review " + i)).send();
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      assertThat(created.json().getString("status")).isEqualTo("PUBLISHED");
      long start = System.nanoTime();
      double expected = ratings[i];
      Await.until(sku.productId() + " rated " + expected + " by 1", SHOWN_WITHIN, () -> {
        JsonObject rating = shop.http.get(page).send().json().getJsonObject("rating");
        return rating.getLong("count") == 1 && rating.getNumber("average").doubleValue() == expected;
      });
      latencies.add((System.nanoTime() - start) / 1_000_000);
    }
    List<Long> sorted = latencies.stream().sorted().toList();
    System.out.printf("Published review to the product page's rating: median %d ms over %d reviews (all: %s ms)%n",
        sorted.get(sorted.size() / 2), sorted.size(), latencies);
  }

  private static void awaitEligible(Shop.Buyer buyer, Shop.Sku sku) {
    BusClient bus = new BusClient(TestPlatform.vertx(), new BusSettings(Duration.ofSeconds(15)));
    Await.until("the buyer to be eligible for " + sku.productId(), Duration.ofSeconds(10), () ->
        Await.result(bus.request(REVIEWS_PURCHASES_LIST, new JsonObject().put("userId", buyer.session().userId())),
                Duration.ofSeconds(15)).getJsonArray("items").stream().map(JsonObject.class::cast)
            .anyMatch(item -> item.getString("productId").equals(sku.productId()) && item.getBoolean("eligible")));
  }
}
