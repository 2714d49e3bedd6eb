package io.polymart.orders;

import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.polymart.core.bus.Addresses.COUPONS_MINE;
import static io.polymart.orders.OrdersFixture.addresses;
import static io.polymart.orders.OrdersFixture.checkout;
import static io.polymart.orders.OrdersFixture.coupon;
import static io.polymart.orders.OrdersFixture.get;
import static io.polymart.orders.OrdersFixture.line;
import static io.polymart.orders.OrdersFixture.node;
import static io.polymart.orders.OrdersFixture.order;
import static io.polymart.orders.OrdersFixture.stock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How checkout prices an order: lines from the catalog's reservation, the subtotal, the coupon's discount, and the
 * shipping fee of the conf ({@value OrdersFixture#SHIPPING_FEE}, free from {@value OrdersFixture#FREE_OVER}).
 */
class CheckoutPricingTest {

  @Test
  void linesArePricedFromTheCatalogsReservationNotFromTheRequest() {
    Caller buyer = Caller.user();
    Caller seller = Caller.seller();
    String shirt = stock().sku("12.34", 10, seller.userId());
    String socks = stock().sku("5.00", 10, seller.userId());
    String addressId = addresses().address(buyer);

    JsonObject order = order(buyer, checkout(addressId, line(shirt, 3).put("unitPrice", "0.01"),
        line(socks, 1).put("unitPrice", "0.01")));

    assertThat(order.getString("status")).isEqualTo("PENDING_PAYMENT");
    assertThat(order.getString("userId")).isEqualTo(buyer.userId());
    assertThat(order.getString("currency")).isEqualTo("USD");
    assertThat(order.getJsonArray("items")).hasSize(2);
    JsonObject shirtLine = itemOf(order, shirt);
    JsonObject facts = stock().facts(shirt);
    for (String field : List.of("productId", "sellerId", "code", "name", "image")) {
      assertThat(shirtLine.getString(field)).as(field).isEqualTo(facts.getString(field));
    }
    assertThat(shirtLine.getJsonObject("attributes")).isEqualTo(facts.getJsonObject("attributes"));
    assertThat(shirtLine.getString("unitPrice")).isEqualTo("12.34");
    assertThat(shirtLine.getInteger("quantity")).isEqualTo(3);
    assertThat(shirtLine.getString("lineTotal")).isEqualTo("37.02");
    assertThat(itemOf(order, socks).getString("lineTotal")).isEqualTo("5.00");
    assertAmounts(order, "42.02", "0.00", "7.50", "49.52");
    assertThat(order.getValue("coupon")).isNull();
    assertThat(order.getJsonObject("address")).isEqualTo(addresses().snapshot(buyer, addressId));
    // the order the checkout answers (built by the statement that writes it) is the order as it is read
    assertThat(order).isEqualTo(get(buyer, order.getString("id")));

    // the catalog is asked for SKUs and quantities only, held for the payment time (1800 s) plus its 600 s of grace
    JsonObject asked = stock().reserveRequest(stock().reservationOf(shirt));
    assertThat(asked.getInteger("ttlSeconds")).isEqualTo(2400);
    assertThat(asked.getJsonArray("items").stream().map(JsonObject.class::cast).map(JsonObject::fieldNames))
        .allSatisfy(fields -> assertThat(fields).containsExactlyInAnyOrder("skuId", "quantity"));
  }

  @Test
  void shippingIsChargedBelowTheConfiguredThresholdAndFreeFromIt() {
    Caller buyer = Caller.user();
    Caller seller = Caller.seller();

    JsonObject atThreshold = order(buyer, stock().sku("20.00", 5, seller.userId()), 3);
    assertAmounts(atThreshold, "60.00", "0.00", "0.00", "60.00");

    JsonObject justBelow = order(buyer, stock().sku("59.99", 5, seller.userId()), 1);
    assertAmounts(justBelow, "59.99", "0.00", "7.50", "67.49");
  }

  @Test
  void percentCouponsRoundHalfUpToTheCentAndStopAtTheirCap() {
    Caller seller = Caller.seller();

    // 10 % of 12.25 is 1.225: half up gives 1.23 (half even would give 1.22)
    String tenPercent = coupon(new JsonObject().put("type", "PERCENT").put("value", "10"));
    Caller buyer = Caller.user();
    JsonObject rounded = orderWithCoupon(buyer, stock().sku("12.25", 5, seller.userId()), 1, tenPercent);
    assertAmounts(rounded, "12.25", "1.23", "7.50", "18.52");
    assertThat(rounded.getJsonObject("coupon")).isEqualTo(new JsonObject().put("code", tenPercent)
        .put("discount", "1.23"));
    assertThat(rounded).isEqualTo(get(buyer, rounded.getString("id")));

    // half of 100.00 is capped at 30.00; the discounted 70.00 still ships free
    String halfCapped = coupon(new JsonObject().put("type", "PERCENT").put("value", "50").put("maxDiscount", "30.00"));
    JsonObject capped = orderWithCoupon(Caller.user(), stock().sku("25.00", 5, seller.userId()), 4, halfCapped);
    assertAmounts(capped, "100.00", "30.00", "0.00", "70.00");
  }

  @Test
  void fixedCouponsTakeTheirValueButNeverMoreThanTheSubtotal() {
    Caller seller = Caller.seller();
    String tenOff = coupon(new JsonObject().put("type", "FIXED").put("value", "10.00"));
    Caller buyer = Caller.user();
    // the free-shipping threshold applies to the discounted subtotal: 65.00 - 10.00 is below 60.00
    JsonObject discounted = orderWithCoupon(buyer, stock().sku("65.00", 5, seller.userId()), 1, tenOff);
    assertAmounts(discounted, "65.00", "10.00", "7.50", "62.50");
    JsonArray claims = node().ok(COUPONS_MINE, new JsonObject(), new JsonObject(), buyer).getJsonArray("items");
    assertThat(claims).hasSize(1);
    assertThat(claims.getJsonObject(0).getString("status")).isEqualTo("USED");
    assertThat(claims.getJsonObject(0).getString("orderId")).isEqualTo(discounted.getString("id"));

    String twentyOff = coupon(new JsonObject().put("type", "FIXED").put("value", "20.00"));
    JsonObject wholeSubtotal = orderWithCoupon(Caller.user(), stock().sku("15.50", 5, seller.userId()), 1, twentyOff);
    assertAmounts(wholeSubtotal, "15.50", "15.50", "7.50", "7.50");
  }

  private static JsonObject orderWithCoupon(Caller buyer, String skuId, int quantity, String couponCode) {
    return order(buyer, checkout(addresses().address(buyer), line(skuId, quantity)).put("couponCode", couponCode));
  }

  private static JsonObject itemOf(JsonObject order, String skuId) {
    return order.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(item -> skuId.equals(item.getString("skuId"))).findFirst()
        .orElseThrow(() -> new AssertionError("no line of " + skuId + " in " + order.encode()));
  }

  private static void assertAmounts(JsonObject order, String subtotal, String discount, String shippingFee,
      String total) {
    assertThat(List.of(order.getString("subtotal"), order.getString("discount"), order.getString("shippingFee"),
        order.getString("total")))
        .as("subtotal, discount, shipping fee, total of " + order.encode())
        .containsExactly(subtotal, discount, shippingFee, total);
  }
}
