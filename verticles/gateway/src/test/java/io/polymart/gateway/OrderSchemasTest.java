package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The request schemas of the cart, order, payment and coupon routes. */
class OrderSchemasTest {
  private static final String SKU = "3f6c2a1e-8b4d-4c7a-9e21-5d0b7c9a1f42";
  private final BodySchemas schemas = new BodySchemas(ApiRoutes.all().stream().map(RouteSpec::bodySchema)
      .filter(Objects::nonNull).distinct().toList());

  @Test
  void cartBodies() {
    schemas.validate("cart-item-add", new JsonObject().put("skuId", SKU).put("quantity", 2));
    assertThat(failingFields("cart-item-add", new JsonObject().put("skuId", "nope").put("quantity", 0)))
        .containsExactlyInAnyOrder("skuId", "quantity");
    schemas.validate("cart-item-update", new JsonObject().put("selected", false));
    assertThat(failingFields("cart-item-update", new JsonObject())).hasSize(1);
    assertThat(failingFields("cart-item-update", new JsonObject().put("quantity", 1).put("price", "1.00")))
        .containsExactly("price");
  }

  @Test
  void orderBodies() {
    schemas.validate("order-place", new JsonObject().put("addressId", SKU));
    schemas.validate("order-place", new JsonObject().put("addressId", SKU).put("couponCode", "WELCOME10")
        .put("note", "Leave it at the door")
        .put("items", new JsonArray().add(new JsonObject().put("skuId", SKU).put("quantity", 1))));
    assertThat(failingFields("order-place", new JsonObject().put("addressId", SKU).put("items", new JsonArray())))
        .containsExactly("items");
    assertThat(failingFields("order-place", new JsonObject().put("addressId", SKU)
        .put("items", new JsonArray().add(new JsonObject().put("skuId", SKU)))))
        .containsExactly("items.0");
    assertThat(failingFields("order-refund", new JsonObject().put("reason", "   "))).containsExactly("reason");
    assertThat(failingFields("order-ship", new JsonObject().put("carrier", "UPS"))).containsExactly("trackingNo");
  }

  @Test
  void paymentBodies() {
    schemas.validate("order-pay", new JsonObject().put("method", "card"));
    schemas.validate("order-pay", new JsonObject().put("method", "wallet")
        .put("sandbox", new JsonObject().put("outcome", "delay").put("delaySeconds", 30)));
    assertThat(failingFields("order-pay", new JsonObject().put("method", "cash"))).containsExactly("method");
    assertThat(failingFields("order-pay", new JsonObject().put("method", "card")
        .put("sandbox", new JsonObject().put("outcome", "delay").put("delaySeconds", 601))))
        .containsExactly("sandbox.delaySeconds");
  }

  @Test
  void couponBodies() {
    JsonObject coupon = new JsonObject().put("code", "SPRING-25").put("type", "PERCENT").put("value", "25")
        .put("maxDiscount", "100.00").put("startsAt", "2025-03-01T00:00:00Z").put("endsAt", "2025-03-31T23:59:59+08:00")
        .put("totalQuantity", 1000).put("perUserLimit", 1);
    schemas.validate("coupon-create", coupon);
    assertThat(failingFields("coupon-create", coupon.copy().put("code", "spring").put("value", "1.999")
        .put("startsAt", "next tuesday").put("perUserLimit", 101)))
        .containsExactlyInAnyOrder("code", "value", "startsAt", "perUserLimit");
  }

  private List<String> failingFields(String schema, JsonObject body) {
    ServiceException error = catchThrowableOfType(ServiceException.class, () -> schemas.validate(schema, body));
    assertThat(error).as("%s should fail for %s", schema, body).isNotNull();
    return error.details().stream().map(d -> ((JsonObject) d).getString("field")).toList();
  }
}
