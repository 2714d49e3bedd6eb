package io.polymart.cart;

import io.polymart.core.error.ServiceException;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.polymart.cart.CartFixture.add;
import static io.polymart.cart.CartFixture.assertFailure;
import static io.polymart.cart.CartFixture.await;
import static io.polymart.cart.CartFixture.call;
import static io.polymart.cart.CartFixture.cart;
import static io.polymart.cart.CartFixture.catalog;
import static io.polymart.cart.CartFixture.fails;
import static io.polymart.cart.CartFixture.line;
import static io.polymart.cart.CartFixture.quantities;
import static io.polymart.cart.CartFixture.redis;
import static io.polymart.cart.CartFixture.remove;
import static io.polymart.cart.CartFixture.update;
import static io.polymart.core.bus.Addresses.CART_CLEAR;
import static io.polymart.core.bus.Addresses.CART_ITEM_ADD;
import static io.polymart.core.bus.BusReply.CART_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** Adding, changing and removing lines, the limits, and the view with its warnings. */
class CartItemsTest {
  @Test
  void addingPutsALineInTheCartAndAddingAgainAddsUp() {
    Caller user = Caller.user();
    String shirt = catalog().sku("12.50", 10);
    String mug = catalog().sku("3.00", 10);
    JsonObject facts = catalog().facts(shirt);

    Reply added = add(user, shirt, 2);
    assertThat(added.header(CART_TOKEN)).as("users need no token").isNull();
    JsonObject view = added.orThrow();
    assertThat(view).isEqualTo(new JsonObject()
        .put("items", new JsonArray().add(new JsonObject().put("skuId", shirt)
            .put("productId", facts.getString("productId")).put("code", facts.getString("code"))
            .put("name", facts.getString("name")).put("attributes", new JsonObject().put("color", "red"))
            .put("image", facts.getString("image")).put("unitPrice", "12.50").put("addedPrice", "12.50")
            .put("quantity", 2).put("selected", true).put("lineTotal", "25.00").put("available", 10)
            .put("forSale", true).put("warnings", new JsonArray())))
        .put("lineCount", 1).put("selectedQuantity", 2).put("subtotal", "25.00").put("currency", "USD"));

    view = add(user, shirt, 3).orThrow();
    assertThat(quantities(view)).isEqualTo(Map.of(shirt, 5));
    assertThat(view.getString("subtotal")).isEqualTo("62.50");

    view = add(user, mug, 1).orThrow();
    assertThat(quantities(view).keySet()).as("newest first").containsExactly(mug, shirt);
    assertThat(view.getInteger("lineCount")).isEqualTo(2);
    assertThat(view.getInteger("selectedQuantity")).isEqualTo(6);
    assertThat(view.getString("subtotal")).isEqualTo("65.50");
    assertThat(cart(user)).isEqualTo(view);

    // stored as the contract says: a hash per cart, one JSON value per SKU
    JsonObject stored = new JsonObject(await(redis().hget("cart:u:" + user.userId(), shirt)).toString());
    assertThat(stored.fieldNames()).containsExactlyInAnyOrder("quantity", "selected", "addedPrice", "addedAt");
    assertThat(stored.getInteger("quantity")).isEqualTo(5);
    assertThat(stored.getBoolean("selected")).isTrue();
    assertThat(stored.getString("addedPrice")).isEqualTo("12.50");
    assertThat(Instant.parse(stored.getString("addedAt"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
  }

  @Test
  void anUppercaseSkuIdNamesTheSameLine() {
    Caller user = Caller.user();
    String sku = catalog().sku("1.00", 10);
    add(user, sku, 1).orThrow();
    assertThat(quantities(add(user, sku.toUpperCase(), 2).orThrow())).isEqualTo(Map.of(sku, 3));
  }

  @Test
  void addRefusesWhatTheCatalogDoesNotSell() {
    Caller user = Caller.user();
    String few = catalog().sku("5.00", 2);
    String withdrawn = catalog().sku("5.00", 10);
    catalog().change(withdrawn, sku -> sku.put("forSale", false));

    assertFailure(add(user, UUID.randomUUID().toString(), 1).failure(), 404, "NOT_FOUND");
    assertFailure(add(user, withdrawn, 1).failure(), 409, "SKU_UNAVAILABLE");
    ServiceException shortage = add(user, few, 3).failure();
    assertFailure(shortage, 422, "INSUFFICIENT_STOCK");
    assertThat(shortage.getMessage()).contains("Only 2 available");
    assertThat(cart(user).getInteger("lineCount")).isZero();

    add(user, few, 2).orThrow();
    shortage = add(user, few, 1).failure();
    assertFailure(shortage, 422, "INSUFFICIENT_STOCK");
    assertThat(shortage.getMessage()).contains("the cart already has 2");
    assertThat(quantities(cart(user))).isEqualTo(Map.of(few, 2));
  }

  /** The body's other rules are the contract's (see the gateway's CartBodiesTest); JSON Schema takes 2.0 for 2. */
  @Test
  void aQuantityWithAFractionIsRefusedNamingTheField() {
    Caller user = Caller.user();
    String sku = catalog().sku("5.00", 10);
    ServiceException error = fails(CART_ITEM_ADD, new JsonObject(), new JsonObject().put("skuId", sku)
        .put("quantity", 2.0), user);
    assertFailure(error, 400, "VALIDATION_FAILED");
    assertThat(error.details().getJsonObject(0).getString("field")).isEqualTo("quantity");
    add(user, sku, 2).orThrow();
    error = update(user, sku, new JsonObject().put("quantity", 3.0)).failure();
    assertFailure(error, 400, "VALIDATION_FAILED");
    assertThat(error.details().getJsonObject(0).getString("field")).isEqualTo("quantity");
    assertThat(quantities(cart(user))).isEqualTo(Map.of(sku, 2));
  }

  @Test
  void aLineHoldsAtMostMaxQuantityPerLine() {
    Caller user = Caller.user();
    String sku = catalog().sku("1.00", 1000);
    assertFailure(add(user, sku, 100).failure(), 422, "QUANTITY_LIMIT");
    assertFailure(add(user, sku, Integer.MAX_VALUE).failure(), 422, "QUANTITY_LIMIT");
    add(user, sku, 98).orThrow();
    assertFailure(add(user, sku, 2).failure(), 422, "QUANTITY_LIMIT");
    assertThat(quantities(add(user, sku, 1).orThrow())).isEqualTo(Map.of(sku, 99));
    assertFailure(add(user, sku, 1).failure(), 422, "QUANTITY_LIMIT");
    assertFailure(update(user, sku, new JsonObject().put("quantity", 100)).failure(), 422, "QUANTITY_LIMIT");
    assertThat(quantities(cart(user))).isEqualTo(Map.of(sku, 99));
  }

  @Test
  void aCartHoldsAtMostMaxLines() {
    Caller user = Caller.user();
    List<String> skus = IntStream.range(0, 51).mapToObj(i -> catalog().sku("1.00", 10)).toList();
    skus.subList(0, 50).forEach(sku -> add(user, sku, 1).orThrow());
    ServiceException full = add(user, skus.get(50), 1).failure();
    assertFailure(full, 422, "CART_FULL");
    assertThat(full.getMessage()).contains("50");
    // more of a line already there is fine
    JsonObject view = add(user, skus.get(0), 1).orThrow();
    assertThat(view.getInteger("lineCount")).isEqualTo(50);
    assertThat(line(view, skus.get(0)).getInteger("quantity")).isEqualTo(2);
    assertThat(view.getJsonArray("items").stream().map(item -> ((JsonObject) item).getString("skuId")))
        .doesNotContain(skus.get(50));
  }

  @Test
  void updateSetsQuantityAndSelection() {
    Caller user = Caller.user();
    String shirt = catalog().sku("10.00", 8);
    String mug = catalog().sku("2.00", 10);
    add(user, shirt, 2).orThrow();
    add(user, mug, 1).orThrow();

    JsonObject view = update(user, shirt, new JsonObject().put("quantity", 5)).orThrow();
    assertThat(line(view, shirt).getInteger("quantity")).isEqualTo(5);
    assertThat(view.getString("subtotal")).isEqualTo("52.00");

    view = update(user, shirt, new JsonObject().put("selected", false)).orThrow();
    assertThat(line(view, shirt).getBoolean("selected")).isFalse();
    assertThat(line(view, shirt).getInteger("quantity")).isEqualTo(5);
    assertThat(view.getInteger("selectedQuantity")).isEqualTo(1);
    assertThat(view.getString("subtotal")).isEqualTo("2.00");

    view = update(user, shirt, new JsonObject().put("quantity", 3).put("selected", true)).orThrow();
    assertThat(line(view, shirt).getInteger("quantity")).isEqualTo(3);
    assertThat(line(view, shirt).getBoolean("selected")).isTrue();
    assertThat(view.getString("subtotal")).isEqualTo("32.00");

    // more than the stock is refused; less is always fine, even on a line that is short
    ServiceException shortage = update(user, shirt, new JsonObject().put("quantity", 9)).failure();
    assertFailure(shortage, 422, "INSUFFICIENT_STOCK");
    assertThat(shortage.getMessage()).contains("Only 8 available");
    catalog().change(shirt, sku -> sku.put("available", 1));
    assertThat(line(update(user, shirt, new JsonObject().put("quantity", 2)).orThrow(), shirt).getInteger("quantity"))
        .isEqualTo(2);
    assertFailure(update(user, shirt, new JsonObject().put("quantity", 3)).failure(), 422, "INSUFFICIENT_STOCK");

    // a line that cannot be bought can be reduced or unselected, not raised
    catalog().change(mug, sku -> sku.put("forSale", false));
    assertFailure(update(user, mug, new JsonObject().put("quantity", 2)).failure(), 409, "SKU_UNAVAILABLE");
    update(user, mug, new JsonObject().put("selected", false)).orThrow();
    catalog().forget(shirt);
    assertThat(line(update(user, shirt, new JsonObject().put("quantity", 1)).orThrow(), shirt).getInteger("quantity"))
        .isEqualTo(1);
    assertFailure(update(user, shirt, new JsonObject().put("quantity", 2)).failure(), 409, "SKU_UNAVAILABLE");

    assertThat(quantities(cart(user))).isEqualTo(Map.of(shirt, 1, mug, 1));
  }

  @Test
  void updateNeedsALineAndSomethingToChange() {
    Caller user = Caller.user();
    String sku = catalog().sku("10.00", 8);
    add(user, sku, 2).orThrow();

    assertFailure(update(user, catalog().sku("1.00", 5), new JsonObject().put("quantity", 1)).failure(), 404,
        "NOT_FOUND");
    assertFailure(update(user, "not-a-uuid", new JsonObject().put("quantity", 1)).failure(), 404, "NOT_FOUND");
    assertFailure(update(Caller.user(), sku, new JsonObject().put("selected", false)).failure(), 404, "NOT_FOUND");
    assertFailure(update(Caller.anonymous(), sku, new JsonObject().put("selected", false)).failure(), 404,
        "NOT_FOUND");
    // a body with nothing to change, or a field of the wrong type, is the contract's to refuse (CartBodiesTest)
    assertThat(line(cart(user), sku).getInteger("quantity")).isEqualTo(2);
    assertThat(line(cart(user), sku).getBoolean("selected")).isTrue();
  }

  @Test
  void removeTakesALineOutAndIsIdempotent() {
    Caller user = Caller.user();
    String shirt = catalog().sku("10.00", 8);
    String mug = catalog().sku("2.00", 10);
    add(user, shirt, 2).orThrow();
    add(user, mug, 1).orThrow();

    JsonObject view = remove(user, shirt).orThrow();
    assertThat(quantities(view)).isEqualTo(Map.of(mug, 1));
    assertThat(view.getString("subtotal")).isEqualTo("2.00");
    assertThat(remove(user, shirt).orThrow()).isEqualTo(view);
    assertThat(remove(user, "not-a-uuid").orThrow()).isEqualTo(view);
    assertThat(remove(Caller.anonymous(), mug).orThrow().getInteger("lineCount")).isZero();

    view = remove(user, mug).orThrow();
    assertThat(view.getJsonArray("items")).isEmpty();
    assertThat(view.getString("subtotal")).isEqualTo("0.00");
    assertThat(CartFixture.exists("cart:u:" + user.userId())).isFalse();
  }

  @Test
  void clearEmptiesTheCart() {
    Caller user = Caller.user();
    add(user, catalog().sku("10.00", 8), 2).orThrow();
    add(user, catalog().sku("3.00", 8), 1).orThrow();

    Reply cleared = call(CART_CLEAR, new JsonObject(), new JsonObject(), user);
    assertThat(cleared.ok()).isTrue();
    assertThat(cleared.body()).as("no content").isNull();
    assertThat(cart(user)).isEqualTo(new JsonObject().put("items", new JsonArray()).put("lineCount", 0)
        .put("selectedQuantity", 0).put("subtotal", "0.00").put("currency", "USD"));
    assertThat(call(CART_CLEAR, new JsonObject(), new JsonObject(), user).ok()).isTrue();
    assertThat(call(CART_CLEAR, new JsonObject(), new JsonObject(), Caller.anonymous()).ok()).isTrue();
  }

  @Test
  void theViewWarnsAboutPriceChangesShortStockAndWhatCannotBeBought() {
    Caller user = Caller.user();
    String repriced = catalog().sku("10.00", 10);
    String soldOut = catalog().sku("5.00", 10);
    String scarce = catalog().sku("2.00", 10);
    String withdrawn = catalog().sku("1.00", 10);
    String deleted = catalog().sku("7.00", 10);
    add(user, repriced, 3).orThrow();
    add(user, soldOut, 1).orThrow();
    add(user, scarce, 2).orThrow();
    add(user, withdrawn, 1).orThrow();
    add(user, deleted, 4).orThrow();
    assertThat(cart(user).getJsonArray("items")).allSatisfy(item ->
        assertThat(((JsonObject) item).getJsonArray("warnings")).isEmpty());

    catalog().change(repriced, sku -> sku.put("unitPrice", "12.00"));
    catalog().change(soldOut, sku -> sku.put("available", 0));
    catalog().change(scarce, sku -> sku.put("available", 1));
    catalog().change(withdrawn, sku -> sku.put("forSale", false));
    catalog().forget(deleted);
    JsonObject view = cart(user);

    JsonObject line = line(view, repriced);
    assertThat(line.getString("unitPrice")).isEqualTo("12.00");
    assertThat(line.getString("addedPrice")).isEqualTo("10.00");
    assertThat(line.getString("lineTotal")).isEqualTo("36.00");
    assertThat(codes(line)).containsExactly("PRICE_CHANGED");
    assertThat(line.getJsonArray("warnings").getJsonObject(0).getString("message")).contains("10.00", "12.00");

    assertThat(codes(line(view, soldOut))).containsExactly("STOCK_SHORT");
    assertThat(line(view, soldOut).getJsonArray("warnings").getJsonObject(0).getString("message"))
        .isEqualTo("Out of stock");
    assertThat(codes(line(view, scarce))).containsExactly("STOCK_SHORT");
    assertThat(line(view, scarce).getJsonArray("warnings").getJsonObject(0).getString("message")).contains("1");
    assertThat(line(view, scarce).getInteger("available")).isEqualTo(1);

    assertThat(codes(line(view, withdrawn))).containsExactly("UNAVAILABLE");
    assertThat(line(view, withdrawn).getBoolean("forSale")).isFalse();
    assertThat(line(view, withdrawn).getString("name")).isNotNull();

    JsonObject gone = line(view, deleted);
    assertThat(codes(gone)).containsExactly("UNAVAILABLE");
    assertThat(gone.getBoolean("forSale")).isFalse();
    assertThat(gone.getString("name")).isNull();
    assertThat(gone.containsKey("attributes")).isTrue();
    assertThat(gone.getJsonObject("attributes")).isNull();
    assertThat(gone.getString("unitPrice")).isNull();
    assertThat(gone.getString("lineTotal")).isNull();
    assertThat(gone.getString("addedPrice")).isEqualTo("7.00");
    assertThat(gone.getInteger("quantity")).isEqualTo(4);
    assertThat(gone.getInteger("available")).isZero();

    // the subtotal counts selected lines that can be bought, short or not
    assertThat(view.getString("subtotal")).isEqualTo("45.00");
    assertThat(view.getInteger("lineCount")).isEqualTo(5);
    assertThat(view.getInteger("selectedQuantity")).isEqualTo(11);

    // a price that comes back to what it was warns no more; a line can have two warnings
    catalog().change(repriced, sku -> sku.put("unitPrice", "10.00"));
    catalog().change(scarce, sku -> sku.put("unitPrice", "1.50"));
    view = cart(user);
    assertThat(codes(line(view, repriced))).isEmpty();
    assertThat(codes(line(view, scarce))).containsExactlyInAnyOrder("PRICE_CHANGED", "STOCK_SHORT");
  }

  private static List<String> codes(JsonObject line) {
    return line.getJsonArray("warnings").stream().map(w -> ((JsonObject) w).getString("code")).toList();
  }
}
