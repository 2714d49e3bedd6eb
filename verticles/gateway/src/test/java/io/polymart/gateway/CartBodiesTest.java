package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules of the cart's request bodies that only the contract holds ({@code schemas/json/cart-item-*.json}); the
 * cart's limits from conf (quantity per line, lines per cart) stay the service's.
 */
class CartBodiesTest {
  private static final String SKU = "3f6c2a1e-8b4d-4c7a-9e21-5d0b7c9a1f42";
  private final RequestValidation schemas = new RequestValidation(TestContract.get());

  @Test
  void anAddNamesTheFieldAtFault() {
    schemas.validateBody("addCartItem", new JsonObject().put("skuId", SKU).put("quantity", 1));
    schemas.validateBody("addCartItem", new JsonObject().put("skuId", SKU.toUpperCase()).put("quantity", 1_000_000));
    Map<String, JsonObject> cases = Map.of(
        "skuId", new JsonObject().put("quantity", 1),
        "skuId ", new JsonObject().put("skuId", "not-a-uuid").put("quantity", 1),
        "skuId  ", new JsonObject().put("skuId", 42).put("quantity", 1),
        "quantity", new JsonObject().put("skuId", SKU),
        "quantity ", new JsonObject().put("skuId", SKU).put("quantity", 0),
        "quantity  ", new JsonObject().put("skuId", SKU).put("quantity", -3),
        "quantity   ", new JsonObject().put("skuId", SKU).put("quantity", "1"),
        "quantity    ", new JsonObject().put("skuId", SKU).put("quantity", 1.5));
    cases.forEach((field, body) -> assertThat(failingFields("addCartItem", body)).as(body.encode())
        .containsExactly(field.trim()));
  }

  @Test
  void anUpdateChangesSomethingAndNamesTheFieldAtFault() {
    schemas.validateBody("updateCartItem", new JsonObject().put("quantity", 3));
    schemas.validateBody("updateCartItem", new JsonObject().put("quantity", 3).put("selected", true));
    assertThat(failingFields("updateCartItem", new JsonObject())).hasSize(1);
    assertThat(failingFields("updateCartItem", new JsonObject().put("quantity", 0))).containsExactly("quantity");
    assertThat(failingFields("updateCartItem", new JsonObject().put("quantity", "2"))).containsExactly("quantity");
    assertThat(failingFields("updateCartItem", new JsonObject().put("selected", "yes"))).containsExactly("selected");
    assertThat(failingFields("updateCartItem", new JsonObject().put("quantity", 1).put("selected", 1)))
        .containsExactly("selected");
  }

  /** So the cart itself refuses a quantity written with a fraction (CartItemsTest). */
  @Test
  void jsonSchemaCountsTwoPointZeroAsAWholeNumber() {
    schemas.validateBody("addCartItem", new JsonObject().put("skuId", SKU).put("quantity", 2.0));
    schemas.validateBody("updateCartItem", new JsonObject().put("quantity", 2.0));
  }

  private List<String> failingFields(String operationId, JsonObject body) {
    ServiceException error = catchThrowableOfType(ServiceException.class, () -> schemas.validateBody(operationId, body));
    assertThat(error).as("%s should fail for %s", operationId, body).isNotNull();
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.code()).isEqualTo("VALIDATION_FAILED");
    return error.details().stream().map(d -> ((JsonObject) d).getString("field")).toList();
  }
}
