package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/** Many buyers at once over HTTP: stock and coupon limits hold, nothing is sold twice or goes negative. */
class OversellTest {
  private static final int BUYERS = 300;
  private static final Shop SHOP = new Shop();
  private static List<Shop.Buyer> buyers;

  @BeforeAll
  static void registerBuyers() throws Exception {
    buyers = Concurrently.run(BUYERS, i -> SHOP.buyer());
  }

  @Test
  void threeHundredBuyersRacingForTenUnitsPlaceExactlyTenOrders() throws Exception {
    Shop.Sku sku = SHOP.stockedSku("99.00", 10);
    List<Reply> replies = Concurrently.run(BUYERS, i -> SHOP.placeOrder(buyers.get(i), UUID.randomUUID().toString(),
        Shop.items(sku, 1)));

    assertThat(countByStatus(replies)).as(summary(replies)).containsExactlyInAnyOrderEntriesOf(
        Map.of(201, 10L, 409, (long) BUYERS - 10));
    assertThat(replies.stream().filter(r -> r.status() == 409).map(Reply::errorCode).distinct())
        .containsExactly("INSUFFICIENT_STOCK");
    assertThat(replies.stream().filter(r -> r.status() == 201).map(r -> r.json().getString("number")).distinct())
        .hasSize(10);
    assertThat(SHOP.available(sku)).isZero();
  }

  @Test
  void aCouponLimitedToFiveUsesIsUsedFiveTimes() throws Exception {
    Shop.Sku sku = SHOP.stockedSku("80.00", 10);
    JsonObject coupon = CheckoutTest.couponBody("FIXED", "8.00", null, "0", 5, 1);
    Reply created = SHOP.http.post(API + "/coupons").bearer(SHOP.admin().accessToken()).json(coupon).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    List<Reply> replies = Concurrently.run(BUYERS, i -> SHOP.placeOrder(buyers.get(i), UUID.randomUUID().toString(),
        Shop.items(sku, 1).put("couponCode", coupon.getString("code"))));

    assertThat(countByStatus(replies)).as(summary(replies)).containsEntry(201, 5L);
    // the losers find the coupon used up, or, while the last uses are being decided, the stock held for them
    assertThat(replies.stream().filter(r -> r.status() != 201).map(Reply::errorCode).distinct())
        .contains("COUPON_EXHAUSTED").isSubsetOf("COUPON_EXHAUSTED", "INSUFFICIENT_STOCK");
    assertThat(replies.stream().filter(r -> r.status() == 201).map(r -> r.json().getString("total")))
        .containsOnly("82.00");
    assertThat(SHOP.available(sku)).isEqualTo(5);
    JsonObject listed = SHOP.http.get(API + "/admin/coupons?size=100").bearer(SHOP.admin().accessToken()).send().json();
    JsonObject ours = listed.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("code").equals(coupon.getString("code"))).findFirst().orElseThrow();
    assertThat(ours.getInteger("claimed")).isEqualTo(5);
    // a page past the last one has no items and still the total (other tests may add coupons meanwhile)
    int pastTheEnd = (int) (listed.getLong("total") / 100) + 2;
    JsonObject beyond = SHOP.http.get(API + "/admin/coupons?size=100&page=" + pastTheEnd)
        .bearer(SHOP.admin().accessToken()).send().json();
    assertThat(beyond.getJsonArray("items")).isEmpty();
    assertThat(beyond.getLong("total")).isGreaterThanOrEqualTo(listed.getLong("total")).isPositive();
  }

  @Test
  void oneBuyerRacingThemselvesNeverExceedsThePerUserLimit() throws Exception {
    Shop.Sku sku = SHOP.stockedSku("30.00", 100);
    Shop.Buyer buyer = buyers.get(0);
    JsonObject claimable = CheckoutTest.couponBody("FIXED", "3.00", null, "0", 1000, 3);
    JsonObject atCheckout = CheckoutTest.couponBody("FIXED", "4.00", null, "0", 1000, 2);
    for (JsonObject coupon : List.of(claimable, atCheckout)) {
      Reply created = SHOP.http.post(API + "/coupons").bearer(SHOP.admin().accessToken()).json(coupon).send();
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    List<Reply> claims = Concurrently.run(20, i -> SHOP.http.post(API + "/coupons/" + claimable.getString("code")
        + "/claim").bearer(buyer.token()).send());
    assertThat(countByStatus(claims)).as(summary(claims)).containsExactlyInAnyOrderEntriesOf(Map.of(201, 3L, 409, 17L));

    List<Reply> orders = Concurrently.run(20, i -> SHOP.placeOrder(buyer, UUID.randomUUID().toString(),
        Shop.items(sku, 1).put("couponCode", atCheckout.getString("code"))));
    assertThat(countByStatus(orders)).as(summary(orders)).containsExactlyInAnyOrderEntriesOf(Map.of(201, 2L, 409, 18L));
    assertThat(orders.stream().filter(r -> r.status() == 409).map(Reply::errorCode).distinct())
        .containsExactly("COUPON_LIMIT_REACHED");
    assertThat(SHOP.available(sku)).isEqualTo(98);
  }

  private static Map<Integer, Long> countByStatus(List<Reply> replies) {
    return replies.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
  }

  private static String summary(List<Reply> replies) {
    return replies.stream().filter(r -> r.status() != 201 && r.status() != 409).limit(3).map(Reply::toString)
        .collect(Collectors.joining("\n"));
  }
}
