package io.polymart.cart;

import io.polymart.core.error.ServiceException;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.polymart.cart.CartFixture.add;
import static io.polymart.cart.CartFixture.assertFailure;
import static io.polymart.cart.CartFixture.cart;
import static io.polymart.cart.CartFixture.catalog;
import static io.polymart.cart.CartFixture.fails;
import static io.polymart.cart.CartFixture.ok;
import static io.polymart.cart.CartFixture.quantities;
import static io.polymart.cart.CartFixture.update;
import static io.polymart.core.bus.Addresses.CART_REMOVE_LINES;
import static io.polymart.core.bus.Addresses.CART_SELECTED;
import static io.polymart.core.bus.BusReply.CART_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** What orders asks of the cart at checkout: the selected lines, then removing the purchased ones. */
class CheckoutCallsTest {
  private static JsonObject removeLines(Object... skuIds) {
    return new JsonObject().put("skuIds", new JsonArray(List.of(skuIds)));
  }

  @Test
  void selectedListsTheSelectedLines() {
    Caller user = Caller.user();
    String shirt = catalog().sku("10.00", 10);
    String mug = catalog().sku("2.00", 10);
    String hat = catalog().sku("5.00", 10);
    add(user, shirt, 2).orThrow();
    add(user, mug, 3).orThrow();
    add(user, hat, 1).orThrow();
    update(user, mug, new JsonObject().put("selected", false)).orThrow();

    assertThat(ok(CART_SELECTED, new JsonObject(), new JsonObject(), user)).isEqualTo(new JsonObject()
        .put("items", new JsonArray().add(new JsonObject().put("skuId", hat).put("quantity", 1))
            .add(new JsonObject().put("skuId", shirt).put("quantity", 2))));
    assertThat(ok(CART_SELECTED, new JsonObject(), new JsonObject(), Caller.user()).getJsonArray("items")).isEmpty();
    String token = add(Caller.anonymous(), shirt, 1).header(CART_TOKEN);
    assertFailure(fails(CART_SELECTED, new JsonObject(), new JsonObject(), Caller.guest(token)), 401,
        "UNAUTHORIZED");
  }

  @Test
  void removeLinesTakesThePurchasedLinesOut() {
    Caller user = Caller.user();
    String shirt = catalog().sku("10.00", 10);
    String mug = catalog().sku("2.00", 10);
    String hat = catalog().sku("5.00", 10);
    add(user, shirt, 2).orThrow();
    add(user, mug, 3).orThrow();
    add(user, hat, 1).orThrow();

    assertThat(ok(CART_REMOVE_LINES, new JsonObject(), removeLines(shirt, hat, UUID.randomUUID().toString()), user))
        .isEqualTo(new JsonObject());
    assertThat(quantities(cart(user))).isEqualTo(Map.of(mug, 3));
    assertThat(ok(CART_REMOVE_LINES, new JsonObject(), removeLines(), user)).isEqualTo(new JsonObject());
    assertThat(ok(CART_REMOVE_LINES, new JsonObject(), removeLines(shirt), user)).isEqualTo(new JsonObject());
    assertThat(quantities(cart(user))).isEqualTo(Map.of(mug, 3));

    for (JsonObject bad : List.of(new JsonObject(), removeLines("not-a-uuid"), removeLines(mug, 7),
        new JsonObject().put("skuIds", mug))) {
      ServiceException error = fails(CART_REMOVE_LINES, new JsonObject(), bad, user);
      assertFailure(error, 400, "VALIDATION_FAILED");
    }
    assertFailure(fails(CART_REMOVE_LINES, new JsonObject(), removeLines(mug), Caller.anonymous()), 401,
        "UNAUTHORIZED");
    assertThat(quantities(cart(user))).isEqualTo(Map.of(mug, 3));
  }
}
