package io.polymart.orders;

import io.polymart.core.error.ServiceException;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.vertx.core.json.JsonArray;
import io.polymart.testing.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.time.Duration;
import java.util.UUID;

import static io.polymart.orders.OrdersFixture.addresses;
import static io.polymart.orders.OrdersFixture.assertFailure;
import static io.polymart.orders.OrdersFixture.cart;
import static io.polymart.orders.OrdersFixture.checkout;
import static io.polymart.orders.OrdersFixture.coupon;
import static io.polymart.orders.OrdersFixture.line;
import static io.polymart.orders.OrdersFixture.order;
import static io.polymart.orders.OrdersFixture.orders;
import static io.polymart.orders.OrdersFixture.place;
import static io.polymart.orders.OrdersFixture.stock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout as a saga against the catalog, users and cart stand-ins: replays by Idempotency-Key, the buyer's own
 * address, a refused reservation that writes nothing, a failure after the reservation that releases it, and the
 * cart's selected lines.
 */
class CheckoutSagaTest {

  @Test
  void theSameKeyAndBodyAnswerTheSameOrderAndAnotherBodyIsRefused() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("30.00", 10, Caller.seller().userId());
    String addressId = addresses().address(buyer);
    String key = UUID.randomUUID().toString();
    JsonObject body = checkout(addressId, line(skuId, 1)).put("note", "leave at the door");

    JsonObject first = place(buyer, key, body).orThrow();
    JsonObject replay = place(buyer, key, body.copy()).orThrow();
    // the same fields in another order are the same request
    JsonObject reordered = new JsonObject().put("note", "leave at the door").put("items", body.getJsonArray("items"))
        .put("addressId", addressId);
    JsonObject replayReordered = place(buyer, key, reordered).orThrow();

    // a replay reads the order that the first request's statement answered as it wrote it
    assertThat(replay).isEqualTo(first);
    assertThat(replayReordered.getString("id")).isEqualTo(first.getString("id"));

    ServiceException reused = place(buyer, key, checkout(addressId, line(skuId, 2))).failure();
    assertFailure(reused, 422, "IDEMPOTENCY_KEY_REUSED");

    assertThat(orders(buyer).getLong("total")).isEqualTo(1);
    String reservationId = stock().reservationOf(skuId);
    assertThat(stock().steps(reservationId)).containsExactly("reserve");
    assertThat(stock().available(skuId)).isEqualTo(9);
  }

  @Test
  void anAddressThatIsNotTheBuyersIsRefusedBeforeAnyStockIsHeld() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("30.00", 10, Caller.seller().userId());
    String someoneElses = addresses().address(Caller.user());

    assertFailure(place(buyer, UUID.randomUUID().toString(), checkout(someoneElses, line(skuId, 1))).failure(),
        422, "ADDRESS_NOT_FOUND");
    assertFailure(place(buyer, UUID.randomUUID().toString(),
        checkout(UUID.randomUUID().toString(), line(skuId, 1))).failure(), 422, "ADDRESS_NOT_FOUND");

    assertThat(stock().reservationsOf(skuId)).isEmpty();
    assertThat(orders(buyer).getLong("total")).isZero();
  }

  @Test
  void aRefusedReservationWritesNoOrderAndKeepsNoKey() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("30.00", 2, Caller.seller().userId());
    String key = UUID.randomUUID().toString();
    JsonObject body = checkout(addresses().address(buyer), line(skuId, 3));

    ServiceException refused = place(buyer, key, body).failure();
    assertFailure(refused, 409, "INSUFFICIENT_STOCK");
    assertThat(refused.details()).isEqualTo(new JsonArray().add(new JsonObject()
        .put("field", "items[" + skuId + "]").put("message", "only 2 available")));
    assertThat(orders(buyer).getLong("total")).isZero();
    String reservationId = stock().reservationOf(skuId);
    assertThat(stock().steps(reservationId)).containsExactly("reserve");

    // nothing was kept of the refused attempt: once the stock is there, the same request goes through
    stock().setAvailable(skuId, 5);
    JsonObject placed = place(buyer, key, body).orThrow();
    assertThat(placed.getString("status")).isEqualTo("PENDING_PAYMENT");
    assertThat(placed.getString("subtotal")).isEqualTo("90.00");
    assertThat(stock().steps(reservationId)).containsExactly("reserve", "reserve");
    assertThat(stock().available(skuId)).isEqualTo(2);
  }

  @Test
  void aFailureAfterTheReservationReleasesIt() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("50.00", 10, Caller.seller().userId());
    // the coupon passes the check before the reservation; only pricing, after it, finds the subtotal too low
    String code = coupon(new JsonObject().put("type", "FIXED").put("value", "5.00").put("minSpend", "100.00"));
    String key = UUID.randomUUID().toString();
    JsonObject body = checkout(addresses().address(buyer), line(skuId, 1)).put("couponCode", code);

    assertFailure(place(buyer, key, body).failure(), 422, "COUPON_MIN_SPEND");

    String reservationId = stock().reservationOf(skuId);
    assertThat(stock().steps(reservationId)).containsExactly("reserve", "release");
    assertThat(stock().available(skuId)).isEqualTo(10);
    assertThat(orders(buyer).getLong("total")).isZero();

    // the key is marked as placing no order: a replay is told to start again with a new key, stock untouched
    assertFailure(place(buyer, key, body).failure(), 409, "CHECKOUT_FAILED");
    assertThat(stock().steps(reservationId)).containsExactly("reserve", "release");
    assertThat(orders(buyer).getLong("total")).isZero();
  }

  @Test
  void aReleaseThatFailsDuringAnOutageIsRetriedUntilTheStockIsBack() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("50.00", 10, Caller.seller().userId());
    String code = coupon(new JsonObject().put("type", "FIXED").put("value", "5.00").put("minSpend", "100.00"));
    JsonObject body = checkout(addresses().address(buyer), line(skuId, 1)).put("couponCode", code);
    stock().failNextReleases(2);

    assertFailure(place(buyer, UUID.randomUUID().toString(), body).failure(), 422, "COUPON_MIN_SPEND");

    String reservationId = stock().reservationOf(skuId);
    Await.until("the reservation released after the outage", Duration.ofSeconds(15),
        () -> stock().available(skuId) == 10);
    assertThat(stock().steps(reservationId))
        .containsExactly("reserve", "release unavailable", "release unavailable", "release");
  }

  @Test
  void aReservationWhoseAnswerWasLostIsGivenBackAndItsKeySpent() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("50.00", 10, Caller.seller().userId());
    String key = UUID.randomUUID().toString();
    JsonObject body = checkout(addresses().address(buyer), line(skuId, 1));
    stock().loseNextReserveAnswers(1);

    assertFailure(place(buyer, key, body).failure(), 503, "SERVICE_UNAVAILABLE");

    String reservationId = stock().reservationOf(skuId);
    assertThat(stock().steps(reservationId)).containsExactly("reserve", "reserve answer lost", "release");
    assertThat(stock().available(skuId)).isEqualTo(10);
    assertThat(orders(buyer).getLong("total")).isZero();
    // the key cannot place an order on the stock given back; a new key can
    assertFailure(place(buyer, key, body).failure(), 409, "CHECKOUT_FAILED");
    assertThat(place(buyer, UUID.randomUUID().toString(), body).orThrow().getString("status"))
        .isEqualTo("PENDING_PAYMENT");
    assertThat(stock().available(skuId)).isEqualTo(9);
  }

  @Test
  void withoutItemsTheSelectedCartLinesAreBoughtAndLeaveTheCart() {
    Caller buyer = Caller.user();
    String seller = Caller.seller().userId();
    String chosen = stock().sku("10.00", 10, seller);
    String keptForLater = stock().sku("99.00", 10, seller);
    cart().put(buyer, chosen, 2, true);
    cart().put(buyer, keptForLater, 1, false);

    JsonObject order = order(buyer, new JsonObject().put("addressId", addresses().address(buyer)));

    assertThat(order.getJsonArray("items")).hasSize(1);
    assertThat(order.getJsonArray("items").getJsonObject(0).getString("skuId")).isEqualTo(chosen);
    assertThat(order.getJsonArray("items").getJsonObject(0).getInteger("quantity")).isEqualTo(2);
    assertThat(order.getString("total")).isEqualTo("27.50");
    assertThat(cart().removed(buyer)).containsExactly(chosen);
    assertThat(cart().skuIds(buyer)).containsExactly(keptForLater);
    assertThat(stock().reservationsOf(keptForLater)).isEmpty();
  }

  @Test
  void anEmptySelectionIsRefusedBeforeAnyStockIsHeld() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("10.00", 10, Caller.seller().userId());
    cart().put(buyer, skuId, 1, false);

    Reply reply = place(buyer, UUID.randomUUID().toString(),
        new JsonObject().put("addressId", addresses().address(buyer)));

    assertFailure(reply.failure(), 422, "EMPTY_CART");
    assertThat(stock().reservationsOf(skuId)).isEmpty();
    assertThat(cart().removed(buyer)).isEqualTo(List.of());
  }
}
