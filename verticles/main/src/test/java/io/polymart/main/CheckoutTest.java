package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/** Checkout's rules over HTTP: idempotency keys, prices from the catalog, coupons, bad input. */
class CheckoutTest {
  private final Shop shop = new Shop();

  @Test
  void aReplayWithTheSameKeyAndBodyReturnsTheSameOrderAndAnotherBodyIsRefused() {
    Shop.Sku sku = shop.stockedSku("19.90", 10);
    Shop.Buyer buyer = shop.buyer();
    String key = UUID.randomUUID().toString();
    Reply first = shop.placeOrder(buyer, key, Shop.items(sku, 2));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    // same body with the keys in another order: still the same request
    JsonObject reordered = new JsonObject().put("addressId", buyer.addressId()).put("items", Shop.items(sku, 2)
        .getJsonArray("items"));
    Reply replay = shop.placeOrder(buyer, key, reordered);
    assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
    assertThat(replay.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(replay.json().getString("number")).isEqualTo(first.json().getString("number"));
    assertThat(shop.available(sku)).isEqualTo(8);

    Reply reused = shop.placeOrder(buyer, key, Shop.items(sku, 3));
    assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
    assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(shop.available(sku)).isEqualTo(8);

    // keys belong to their user: another buyer's same key is a new order
    Reply someoneElse = shop.placeOrder(shop.buyer(), key, Shop.items(sku, 1));
    assertThat(someoneElse.status()).as(someoneElse.toString()).isEqualTo(201);
    assertThat(someoneElse.json().getString("id")).isNotEqualTo(first.json().getString("id"));
  }

  @Test
  void concurrentReplaysPlaceOneOrder() throws Exception {
    Shop.Sku sku = shop.stockedSku("9.00", 10);
    Shop.Buyer buyer = shop.buyer();
    String key = UUID.randomUUID().toString();
    var replies = Concurrently.run(8, i -> shop.placeOrder(buyer, key, Shop.items(sku, 1)));
    assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(201));
    assertThat(replies.stream().map(reply -> reply.json().getString("id")).distinct()).hasSize(1);
    assertThat(shop.available(sku)).isEqualTo(9);
  }

  @Test
  void checkoutNeedsAKeyAndAValidBody() {
    Shop.Sku sku = shop.stockedSku("5.00", 10);
    Shop.Buyer buyer = shop.buyer();
    Reply noKey = shop.placeOrder(buyer, null, Shop.items(sku, 1));
    assertThat(noKey.status()).as(noKey.toString()).isEqualTo(400);
    assertThat(noKey.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    Reply badQuantity = shop.placeOrder(buyer, "k1", Shop.items(sku, 0));
    assertThat(badQuantity.status()).as(badQuantity.toString()).isEqualTo(400);
    Reply foreignAddress = shop.placeOrder(buyer, "k2",
        Shop.items(sku, 1).put("addressId", shop.buyer().addressId()));
    assertThat(foreignAddress.status()).as(foreignAddress.toString()).isEqualTo(422);
    assertThat(foreignAddress.errorCode()).isEqualTo("ADDRESS_NOT_FOUND");
    Reply unknownSku = shop.placeOrder(buyer, "k3", Shop.items(new Shop.Sku(sku.productId(),
        UUID.randomUUID().toString(), "1.00"), 1));
    assertThat(unknownSku.status()).as(unknownSku.toString()).isEqualTo(404);
    Reply tooMany = shop.placeOrder(buyer, "k4", Shop.items(sku, 11));
    assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
    assertThat(tooMany.errorCode()).isEqualTo("INSUFFICIENT_STOCK");
    Reply emptyCart = shop.placeOrder(buyer, "k5", new JsonObject());
    assertThat(emptyCart.status()).as(emptyCart.toString()).isEqualTo(422);
    assertThat(emptyCart.errorCode()).isEqualTo("EMPTY_CART");
    assertThat(shop.available(sku)).isEqualTo(10);
    assertThat(shop.http.get(API + "/orders").bearer(buyer.token()).send().json().getLong("total")).isZero();
  }

  @Test
  void theOrderIsPricedByTheCatalogNotTheCart() {
    Shop.Sku sku = shop.stockedSku("10.00", 10);
    Shop.Buyer buyer = shop.buyer();
    Reply added = shop.addToCart(buyer, sku, 3);
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    shop.setPrice(sku, "12.50");

    JsonObject cart = shop.cart(buyer);
    JsonObject line = cart.getJsonArray("items").getJsonObject(0);
    assertThat(line.getString("unitPrice")).isEqualTo("12.50");
    assertThat(line.getString("addedPrice")).isEqualTo("10.00");
    assertThat(line.getJsonArray("warnings").getJsonObject(0).getString("code")).isEqualTo("PRICE_CHANGED");

    Reply order = shop.placeOrder(buyer, UUID.randomUUID().toString(), new JsonObject());
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    assertThat(order.json().getJsonArray("items").getJsonObject(0).getString("unitPrice")).isEqualTo("12.50");
    assertThat(order.json().getString("subtotal")).isEqualTo("37.50");
    assertThat(shop.cart(buyer).getJsonArray("items")).isEmpty();
  }

  @Test
  void couponsDiscountWithinTheirRulesAndComeBackOnCancel() {
    Shop.Sku sku = shop.stockedSku("60.00", 20);
    Shop.Buyer buyer = shop.buyer();
    String percent = coupon("PERCENT", "10", "5.00", "100.00", 10, 1);
    Reply small = shop.placeOrder(buyer, UUID.randomUUID().toString(), Shop.items(sku, 1).put("couponCode", percent));
    assertThat(small.status()).as(small.toString()).isEqualTo(422);
    assertThat(small.errorCode()).isEqualTo("COUPON_MIN_SPEND");

    Reply claimed = shop.http.post(API + "/coupons/" + percent + "/claim").bearer(buyer.token()).send();
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
    assertThat(claimed.json().getString("status")).isEqualTo("AVAILABLE");
    Reply again = shop.http.post(API + "/coupons/" + percent + "/claim").bearer(buyer.token()).send();
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("COUPON_LIMIT_REACHED");

    Reply order = shop.placeOrder(buyer, UUID.randomUUID().toString(), Shop.items(sku, 2).put("couponCode", percent));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    // 10% of 120.00 is 12.00, capped at 5.00; 115.00 ships free
    assertThat(order.json().getString("discount")).isEqualTo("5.00");
    assertThat(order.json().getString("shippingFee")).isEqualTo("0.00");
    assertThat(order.json().getString("total")).isEqualTo("115.00");
    assertThat(order.json().getJsonObject("coupon").getString("code")).isEqualTo(percent);
    JsonObject mine = shop.http.get(API + "/me/coupons").bearer(buyer.token()).send().json();
    assertThat(mine.getJsonArray("items").getJsonObject(0).getString("status")).isEqualTo("USED");

    Reply reuse = shop.placeOrder(buyer, UUID.randomUUID().toString(), Shop.items(sku, 2).put("couponCode", percent));
    assertThat(reuse.status()).as(reuse.toString()).isEqualTo(409);
    assertThat(reuse.errorCode()).isEqualTo("COUPON_LIMIT_REACHED");

    shop.buyerAction(buyer, order.json().getString("id"), "cancel", null);
    mine = shop.http.get(API + "/me/coupons").bearer(buyer.token()).send().json();
    assertThat(mine.getJsonArray("items").getJsonObject(0).getString("status")).isEqualTo("AVAILABLE");
    Reply reused = shop.placeOrder(buyer, UUID.randomUUID().toString(), Shop.items(sku, 2).put("couponCode", percent));
    assertThat(reused.status()).as(reused.toString()).isEqualTo(201);

    String fixed = coupon("FIXED", "15.00", null, "0", 10, 2);
    Reply fixedOrder = shop.placeOrder(buyer, UUID.randomUUID().toString(), Shop.items(sku, 1).put("couponCode", fixed));
    assertThat(fixedOrder.json().getString("total")).as(fixedOrder.toString()).isEqualTo("55.00");
    Reply unknown = shop.placeOrder(buyer, UUID.randomUUID().toString(), Shop.items(sku, 1).put("couponCode", "NOPE-NONE"));
    assertThat(unknown.errorCode()).isEqualTo("COUPON_NOT_FOUND");
    assertThat(shop.available(sku)).isEqualTo(20 - 2 - 1);
  }

  @Test
  void onlyAdminsCreateCouponsAndBadOnesAreRefused() {
    Shop.Buyer buyer = shop.buyer();
    JsonObject body = couponBody("FIXED", "5.00", null, "0", 5, 1);
    assertThat(shop.http.post(API + "/coupons").bearer(buyer.token()).json(body).send().status()).isEqualTo(403);
    Reply percentTooHigh = shop.http.post(API + "/coupons").bearer(shop.admin().accessToken())
        .json(couponBody("PERCENT", "120", null, "0", 5, 1)).send();
    assertThat(percentTooHigh.status()).as(percentTooHigh.toString()).isEqualTo(400);
    Reply backwards = shop.http.post(API + "/coupons").bearer(shop.admin().accessToken())
        .json(body.copy().put("endsAt", "2020-01-01T00:00:00Z")).send();
    assertThat(backwards.status()).as(backwards.toString()).isEqualTo(400);
    Reply created = shop.http.post(API + "/coupons").bearer(shop.admin().accessToken()).json(body).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Reply duplicate = shop.http.post(API + "/coupons").bearer(shop.admin().accessToken()).json(body).send();
    assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
  }

  /** A coupon created through {@code shop}'s admin, for other tests. */
  String couponFor(Shop other, String type, String value) {
    JsonObject body = couponBody(type, value, null, "0", 100, 1);
    Reply reply = other.http.post(API + "/coupons").bearer(other.admin().accessToken()).json(body).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return body.getString("code");
  }

  /** Creates a coupon valid from an hour ago for a day; answers its code. */
  String coupon(String type, String value, String maxDiscount, String minSpend, int quantity, int perUser) {
    JsonObject body = couponBody(type, value, maxDiscount, minSpend, quantity, perUser);
    Reply reply = shop.http.post(API + "/coupons").bearer(shop.admin().accessToken()).json(body).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return body.getString("code");
  }

  static JsonObject couponBody(String type, String value, String maxDiscount, String minSpend, int quantity,
      int perUser) {
    JsonObject body = new JsonObject().put("code", "T-" + CatalogFixtures.word(10).toUpperCase()).put("type", type)
        .put("value", value).put("minSpend", minSpend)
        .put("startsAt", Instant.now().minusSeconds(3600).toString())
        .put("endsAt", Instant.now().plusSeconds(86_400).toString())
        .put("totalQuantity", quantity).put("perUserLimit", perUser);
    if (maxDiscount != null) {
      body.put("maxDiscount", maxDiscount);
    }
    return body;
  }
}
