package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The request bodies of the cart, order, payment and coupon operations, as the contract describes them. */
class OrderBodiesTest {
  private static final String SKU = "3f6c2a1e-8b4d-4c7a-9e21-5d0b7c9a1f42";
  private final RequestValidation schemas = new RequestValidation(TestContract.get());

  @Test
  void cartBodies() {
    schemas.validateBody("addCartItem", new JsonObject().put("skuId", SKU).put("quantity", 2));
    assertThat(failingFields("addCartItem", new JsonObject().put("skuId", "nope").put("quantity", 0)))
        .containsExactlyInAnyOrder("skuId", "quantity");
    schemas.validateBody("updateCartItem", new JsonObject().put("selected", false));
    assertThat(failingFields("updateCartItem", new JsonObject())).hasSize(1);
    assertThat(failingFields("updateCartItem", new JsonObject().put("quantity", 1).put("price", "1.00")))
        .containsExactly("price");
  }

  @Test
  void orderBodies() {
    schemas.validateBody("placeOrder", new JsonObject().put("addressId", SKU));
    schemas.validateBody("placeOrder", new JsonObject().put("addressId", SKU).put("couponCode", "WELCOME10")
        .put("note", "Leave it at the door")
        .put("items", new JsonArray().add(new JsonObject().put("skuId", SKU).put("quantity", 1))));
    assertThat(failingFields("placeOrder", new JsonObject().put("addressId", SKU).put("items", new JsonArray())))
        .containsExactly("items");
    assertThat(failingFields("placeOrder", new JsonObject().put("addressId", SKU)
        .put("items", new JsonArray().add(new JsonObject().put("skuId", SKU)))))
        .containsExactly("items.0");
    assertThat(failingFields("requestRefund", new JsonObject().put("reason", "   "))).containsExactly("reason");
    assertThat(failingFields("shipOrder", new JsonObject().put("carrier", "UPS"))).containsExactly("trackingNo");
  }

  @Test
  void theOrderBodyAloneHoldsTheQuantityAndCouponCodeRules() {
    JsonObject line = new JsonObject().put("skuId", SKU).put("quantity", 999);
    schemas.validateBody("placeOrder", new JsonObject().put("addressId", SKU).put("items", new JsonArray().add(line))
        .put("couponCode", "SPRING-25"));
    assertThat(failingFields("placeOrder", new JsonObject().put("addressId", SKU)
        .put("items", new JsonArray().add(line.copy().put("quantity", 1000))))).containsExactly("items.0.quantity");
    assertThat(failingFields("placeOrder", new JsonObject().put("addressId", SKU).put("couponCode", "spring")))
        .containsExactly("couponCode");
  }

  @Test
  void paymentBodies() {
    schemas.validateBody("payOrder", new JsonObject().put("method", "card"));
    schemas.validateBody("payOrder", new JsonObject().put("method", "wallet")
        .put("sandbox", new JsonObject().put("outcome", "delay").put("delaySeconds", 30)));
    assertThat(failingFields("payOrder", new JsonObject().put("method", "cash"))).containsExactly("method");
    assertThat(failingFields("payOrder", new JsonObject().put("method", "card")
        .put("sandbox", new JsonObject().put("outcome", "delay").put("delaySeconds", 601))))
        .containsExactly("sandbox.delaySeconds");
  }

  @Test
  void couponBodies() {
    JsonObject coupon = new JsonObject().put("code", "SPRING-25").put("type", "PERCENT").put("value", "25")
        .put("maxDiscount", "100.00").put("startsAt", "2025-03-01T00:00:00Z").put("endsAt", "2025-03-31T23:59:59+08:00")
        .put("totalQuantity", 1000).put("perUserLimit", 1);
    schemas.validateBody("createCoupon", coupon);
    assertThat(failingFields("createCoupon", coupon.copy().put("code", "spring").put("value", "1.999")
        .put("startsAt", "next tuesday").put("perUserLimit", 101)))
        .containsExactlyInAnyOrder("code", "value", "startsAt", "perUserLimit");
  }

  private List<String> failingFields(String operationId, JsonObject body) {
    ServiceException error = catchThrowableOfType(ServiceException.class, () -> schemas.validateBody(operationId, body));
    assertThat(error).as("%s should fail for %s", operationId, body).isNotNull();
    return error.details().stream().map(d -> ((JsonObject) d).getString("field")).toList();
  }
}
