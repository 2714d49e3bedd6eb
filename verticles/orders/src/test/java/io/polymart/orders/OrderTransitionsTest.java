package io.polymart.orders;

import io.polymart.core.error.ServiceException;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.polymart.core.bus.Addresses.COUPONS_MINE;
import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_DELIVER;
import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_REFUND_APPROVE;
import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_REFUND_REJECT;
import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_SHIP;
import static io.polymart.core.bus.Addresses.ORDERS_CANCEL;
import static io.polymart.core.bus.Addresses.ORDERS_CONFIRM_RECEIPT;
import static io.polymart.core.bus.Addresses.ORDERS_PAY;
import static io.polymart.core.bus.Addresses.ORDERS_REFUND_REQUEST;
import static io.polymart.orders.OrdersFixture.act;
import static io.polymart.orders.OrdersFixture.addresses;
import static io.polymart.orders.OrdersFixture.assertFailure;
import static io.polymart.orders.OrdersFixture.checkout;
import static io.polymart.orders.OrdersFixture.coupon;
import static io.polymart.orders.OrdersFixture.get;
import static io.polymart.orders.OrdersFixture.lastMove;
import static io.polymart.orders.OrdersFixture.line;
import static io.polymart.orders.OrdersFixture.moves;
import static io.polymart.orders.OrdersFixture.node;
import static io.polymart.orders.OrdersFixture.order;
import static io.polymart.orders.OrdersFixture.pay;
import static io.polymart.orders.OrdersFixture.stock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order state machine through the orders addresses: the legal moves with their history, the illegal ones, and
 * what each does with the stock: a cancelled unpaid order releases its reservation, a refund restores sold units.
 */
class OrderTransitionsTest {
  private static final JsonObject SHIPMENT = new JsonObject().put("carrier", "UPS").put("trackingNo", "1Z999AA1");

  @Test
  void anOrderGoesFromPaymentToCompletionAndEveryMoveIsInItsHistory() {
    Caller buyer = Caller.user();
    Caller seller = Caller.seller();
    String skuId = stock().sku("40.00", 5, seller.userId());
    String id = order(buyer, skuId, 2).getString("id");

    JsonObject payment = pay(buyer, id);
    JsonObject paid = get(buyer, id);
    assertThat(paid.getString("status")).isEqualTo("PAID");
    assertThat(paid.getString("paidAt")).isNotNull();
    assertThat(paid.getJsonArray("payments").getJsonObject(0).getString("status")).isEqualTo("SUCCEEDED");
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve", "confirm");

    JsonObject shipped = act(ORDERS_ADMIN_SHIP, id, SHIPMENT, seller).orThrow();
    assertThat(shipped.getString("status")).isEqualTo("SHIPPED");
    assertThat(shipped.getJsonObject("shipment").getString("carrier")).isEqualTo("UPS");
    assertThat(shipped.getJsonObject("shipment").getString("trackingNo")).isEqualTo("1Z999AA1");
    assertThat(act(ORDERS_ADMIN_DELIVER, id, new JsonObject(), seller).orThrow().getString("status"))
        .isEqualTo("DELIVERED");
    JsonObject completed = act(ORDERS_CONFIRM_RECEIPT, id, new JsonObject(), buyer).orThrow();
    assertThat(completed.getString("status")).isEqualTo("COMPLETED");

    assertThat(moves(completed)).containsExactly("null>PENDING_PAYMENT by user", "PENDING_PAYMENT>PAID by payment",
        "PAID>SHIPPED by seller", "SHIPPED>DELIVERED by seller", "DELIVERED>COMPLETED by user");
    JsonArray history = completed.getJsonArray("history");
    assertThat(Arrays.asList(actorId(history, 0), actorId(history, 1), actorId(history, 2), actorId(history, 3),
        actorId(history, 4))).containsExactly(buyer.userId(), null, seller.userId(), seller.userId(), buyer.userId());
    assertThat(history.getJsonObject(1).getString("reason")).isEqualTo("payment " + payment.getString("paymentId"));
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve", "confirm");
  }

  @Test
  void illegalMovesAreConflictsThatChangeNothing() {
    Caller buyer = Caller.user();
    Caller seller = Caller.seller();
    String id = order(buyer, stock().sku("40.00", 5, seller.userId()), 1).getString("id");

    assertInvalid(act(ORDERS_ADMIN_SHIP, id, SHIPMENT, seller).failure(),
        "Cannot ship an order that is pending payment");
    assertInvalid(act(ORDERS_ADMIN_DELIVER, id, new JsonObject(), seller).failure(),
        "Cannot deliver an order that is pending payment");
    assertInvalid(act(ORDERS_CONFIRM_RECEIPT, id, new JsonObject(), buyer).failure(),
        "Cannot confirm receipt of an order that is pending payment");
    assertInvalid(act(ORDERS_REFUND_REQUEST, id, new JsonObject().put("reason", "changed my mind"), buyer).failure(),
        "Cannot request a refund for an order that is pending payment");
    assertInvalid(act(ORDERS_ADMIN_REFUND_APPROVE, id, new JsonObject(), seller).failure(),
        "Cannot approve a refund for an order that is pending payment");
    assertThat(moves(get(buyer, id))).containsExactly("null>PENDING_PAYMENT by user");

    act(ORDERS_CANCEL, id, new JsonObject(), buyer).orThrow();
    assertInvalid(act(ORDERS_CANCEL, id, new JsonObject(), buyer).failure(),
        "Cannot cancel an order that is cancelled");
    ServiceException payCancelled = act(ORDERS_PAY, id, new JsonObject().put("method", "card"), buyer).failure();
    assertFailure(payCancelled, 409, "INVALID_TRANSITION");
    assertThat(payCancelled.getMessage()).isEqualTo("Only an order awaiting payment can be paid");
    assertThat(moves(get(buyer, id))).containsExactly("null>PENDING_PAYMENT by user",
        "PENDING_PAYMENT>CANCELLED by user");
  }

  @Test
  void cancellingAnUnpaidOrderReleasesItsStockAndGivesTheCouponBack() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("40.00", 5, Caller.seller().userId());
    String code = coupon(new JsonObject().put("type", "FIXED").put("value", "5.00"));
    String id = order(buyer, checkout(addresses().address(buyer), line(skuId, 2)).put("couponCode", code))
        .getString("id");
    assertThat(stock().available(skuId)).isEqualTo(3);

    JsonObject cancelled = act(ORDERS_CANCEL, id, new JsonObject(), buyer).orThrow();

    assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
    assertThat(moves(cancelled)).containsExactly("null>PENDING_PAYMENT by user", "PENDING_PAYMENT>CANCELLED by user");
    assertThat(lastMove(cancelled).getString("reason")).isEqualTo("cancelled by the buyer");
    assertThat(lastMove(cancelled).getString("actorId")).isEqualTo(buyer.userId());
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve", "release");
    assertThat(stock().available(skuId)).isEqualTo(5);
    JsonObject claim = node().ok(COUPONS_MINE, new JsonObject(), new JsonObject(), buyer).getJsonArray("items")
        .getJsonObject(0);
    assertThat(claim.getString("status")).isEqualTo("AVAILABLE");
    assertThat(claim.getValue("orderId")).isNull();
  }

  @Test
  void cancellingAPaidOrderRefundsItAndRestoresItsStock() {
    Caller buyer = Caller.user();
    String skuId = stock().sku("40.00", 5, Caller.seller().userId());
    String id = order(buyer, skuId, 1).getString("id");
    pay(buyer, id);

    JsonObject cancelled = act(ORDERS_CANCEL, id, new JsonObject(), buyer).orThrow();

    assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
    assertThat(lastMove(cancelled).getString("from")).isEqualTo("PAID");
    assertThat(lastMove(cancelled).getString("reason")).isEqualTo("cancelled by the buyer; refunded");
    assertThat(cancelled.getJsonArray("payments").getJsonObject(0).getString("status")).isEqualTo("REFUNDED");
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve", "confirm", "restore");
    assertThat(stock().available(skuId)).isEqualTo(5);
  }

  @Test
  void anApprovedRefundRefundsThePaymentAndRestoresTheStock() {
    Caller buyer = Caller.user();
    Caller seller = Caller.seller();
    Caller admin = Caller.admin();
    String skuId = stock().sku("40.00", 5, seller.userId());
    String id = order(buyer, skuId, 2).getString("id");
    pay(buyer, id);
    act(ORDERS_ADMIN_SHIP, id, SHIPMENT, seller).orThrow();
    act(ORDERS_ADMIN_DELIVER, id, new JsonObject(), seller).orThrow();

    JsonObject requested = act(ORDERS_REFUND_REQUEST, id, new JsonObject().put("reason", "  arrived broken "), buyer)
        .orThrow();
    assertThat(requested.getString("status")).isEqualTo("REFUND_REQUESTED");
    assertThat(requested.getJsonObject("refund").getString("status")).isEqualTo("REQUESTED");
    assertThat(requested.getJsonObject("refund").getString("reason")).isEqualTo("arrived broken");
    assertThat(requested.getJsonObject("refund").getString("previousStatus")).isEqualTo("DELIVERED");
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve", "confirm");

    JsonObject refunded = act(ORDERS_ADMIN_REFUND_APPROVE, id, new JsonObject(), admin).orThrow();

    assertThat(refunded.getString("status")).isEqualTo("REFUNDED");
    assertThat(refunded.getJsonObject("refund").getString("status")).isEqualTo("APPROVED");
    assertThat(refunded.getJsonArray("payments").getJsonObject(0).getString("status")).isEqualTo("REFUNDED");
    assertThat(moves(refunded)).endsWith("DELIVERED>REFUND_REQUESTED by user", "REFUND_REQUESTED>REFUNDED by admin");
    assertThat(lastMove(refunded).getString("actorId")).isEqualTo(admin.userId());
    assertThat(lastMove(refunded).getString("reason")).isEqualTo("arrived broken");
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve", "confirm", "restore");
    assertThat(stock().available(skuId)).isEqualTo(5);
    assertInvalid(act(ORDERS_ADMIN_REFUND_APPROVE, id, new JsonObject(), admin).failure(),
        "Cannot approve a refund for an order that is refunded");
  }

  @Test
  void aRejectedRefundReturnsTheOrderToWhereItWasAndKeepsTheStockSold() {
    Caller buyer = Caller.user();
    Caller seller = Caller.seller();
    String skuId = stock().sku("40.00", 5, seller.userId());
    String id = order(buyer, skuId, 1).getString("id");
    pay(buyer, id);
    act(ORDERS_ADMIN_SHIP, id, SHIPMENT, seller).orThrow();
    act(ORDERS_REFUND_REQUEST, id, new JsonObject().put("reason", "too slow"), buyer).orThrow();

    JsonObject rejected = act(ORDERS_ADMIN_REFUND_REJECT, id, new JsonObject(), seller).orThrow();

    assertThat(rejected.getString("status")).isEqualTo("SHIPPED");
    assertThat(rejected.getJsonObject("refund").getString("status")).isEqualTo("REJECTED");
    assertThat(moves(rejected)).endsWith("SHIPPED>REFUND_REQUESTED by user", "REFUND_REQUESTED>SHIPPED by seller");
    assertThat(lastMove(rejected).getString("reason")).isEqualTo("refund rejected");
    assertThat(rejected.getJsonArray("payments").getJsonObject(0).getString("status")).isEqualTo("SUCCEEDED");
    assertThat(stock().steps(stock().reservationOf(skuId))).containsExactly("reserve", "confirm");
    assertThat(stock().available(skuId)).isEqualTo(4);
  }

  private static String actorId(JsonArray history, int index) {
    return history.getJsonObject(index).getString("actorId");
  }

  private static void assertInvalid(ServiceException error, String message) {
    assertFailure(error, 409, "INVALID_TRANSITION");
    assertThat(error.getMessage()).isEqualTo(message);
  }
}
