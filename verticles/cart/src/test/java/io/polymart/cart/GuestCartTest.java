package io.polymart.cart;

import io.polymart.core.error.ServiceException;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static io.polymart.cart.CartFixture.add;
import static io.polymart.cart.CartFixture.assertFailure;
import static io.polymart.cart.CartFixture.call;
import static io.polymart.cart.CartFixture.cart;
import static io.polymart.cart.CartFixture.catalog;
import static io.polymart.cart.CartFixture.exists;
import static io.polymart.cart.CartFixture.fails;
import static io.polymart.cart.CartFixture.line;
import static io.polymart.cart.CartFixture.quantities;
import static io.polymart.cart.CartFixture.update;
import static io.polymart.core.bus.Addresses.CART_GET;
import static io.polymart.core.bus.Addresses.CART_MERGE;
import static io.polymart.core.bus.BusReply.CART_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** Guest carts and their tokens, whose cart a request reaches, and merging a guest cart at sign-in. */
class GuestCartTest {
  private static final String TOKEN_FORMAT = "[A-Za-z0-9_-]{43}";

  private static String unknownToken() {
    return new GuestTokens().next();
  }

  private static Reply merge(Caller user, Object guestToken) {
    return call(CART_MERGE, new JsonObject(), new JsonObject().put("guestToken", guestToken), user);
  }

  @Test
  void aGuestGetsATokenWithTheirFirstItemAndKeepsUsingIt() {
    Reply empty = call(CART_GET, new JsonObject(), new JsonObject(), Caller.anonymous());
    assertThat(empty.orThrow()).isEqualTo(new JsonObject().put("items", new JsonArray()).put("lineCount", 0)
        .put("selectedQuantity", 0).put("subtotal", "0.00").put("currency", "USD"));
    assertThat(empty.header(CART_TOKEN)).as("no token for looking").isNull();

    String shirt = catalog().sku("12.50", 10);
    String mug = catalog().sku("3.00", 10);
    Reply first = add(Caller.anonymous(), shirt, 1);
    String token = first.header(CART_TOKEN);
    assertThat(token).matches(TOKEN_FORMAT);
    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    assertThat(quantities(first.orThrow())).isEqualTo(Map.of(shirt, 1));

    Caller guest = Caller.guest(token);
    Reply second = add(guest, mug, 2);
    assertThat(second.header(CART_TOKEN)).as("a known token is kept").isNull();
    assertThat(quantities(second.orThrow())).containsOnlyKeys(shirt, mug);
    assertThat(quantities(cart(guest))).isEqualTo(Map.of(shirt, 1, mug, 2));
    assertThat(line(update(guest, mug, new JsonObject().put("quantity", 1)).orThrow(), mug).getInteger("quantity"))
        .isEqualTo(1);
    assertThat(exists("cart:g:" + token)).isTrue();
  }

  @Test
  void everyNewGuestGetsADifferentToken() {
    String sku = catalog().sku("1.00", 100);
    Set<String> tokens = new TreeSet<>();
    IntStream.range(0, 20).forEach(i -> tokens.add(add(Caller.anonymous(), sku, 1).header(CART_TOKEN)));
    assertThat(tokens).hasSize(20).allSatisfy(token -> assertThat(token).matches(TOKEN_FORMAT));
  }

  @Test
  void aTokenThatNamesNoCartIsReplacedByANewOne() {
    String unknown = unknownToken();
    Caller stranger = Caller.guest(unknown);
    Reply looked = call(CART_GET, new JsonObject(), new JsonObject(), stranger);
    assertThat(looked.orThrow().getInteger("lineCount")).isZero();
    assertThat(looked.header(CART_TOKEN)).isNull();

    String sku = catalog().sku("1.00", 10);
    Reply added = add(stranger, sku, 1);
    assertThat(added.header(CART_TOKEN)).matches(TOKEN_FORMAT).isNotEqualTo(unknown);
    assertThat(exists("cart:g:" + unknown)).as("a token the client made up names no cart").isFalse();
    assertThat(quantities(cart(Caller.guest(added.header(CART_TOKEN))))).isEqualTo(Map.of(sku, 1));
    assertThat(cart(stranger).getInteger("lineCount")).isZero();
  }

  @Test
  void aMalformedTokenIs400() {
    String sku = catalog().sku("1.00", 10);
    for (String bad : List.of("short", "x".repeat(44), "a".repeat(42) + "=", "cart:u:" + "a".repeat(36))) {
      Caller guest = Caller.guest(bad);
      for (ServiceException error : List.of(fails(CART_GET, new JsonObject(), new JsonObject(), guest),
          add(guest, sku, 1).failure())) {
        assertFailure(error, 400, "VALIDATION_FAILED");
        assertThat(error.details().getJsonObject(0).getString("field")).isEqualTo("X-Cart-Token");
      }
    }
    // signed in, the cart is the user's: a stale guest header does not matter
    Caller user = Caller.user().withCartToken("short");
    assertThat(quantities(add(user, sku, 1).orThrow())).isEqualTo(Map.of(sku, 1));
  }

  @Test
  void everyOwnerSeesOnlyTheirOwnCart() {
    Caller ann = Caller.user();
    Caller bob = Caller.user();
    String annsSku = catalog().sku("1.00", 10);
    String bobsSku = catalog().sku("2.00", 10);
    String guestsSku = catalog().sku("3.00", 10);
    add(ann, annsSku, 1).orThrow();
    add(bob, bobsSku, 2).orThrow();
    String token = add(Caller.anonymous(), guestsSku, 3).header(CART_TOKEN);

    assertThat(quantities(cart(ann))).isEqualTo(Map.of(annsSku, 1));
    assertThat(quantities(cart(bob))).isEqualTo(Map.of(bobsSku, 2));
    assertThat(quantities(cart(Caller.guest(token)))).isEqualTo(Map.of(guestsSku, 3));
    // a user who still sends the guest token sees their own cart, not the guest's
    assertThat(quantities(cart(ann.withCartToken(token)))).isEqualTo(Map.of(annsSku, 1));
    assertThat(add(bob.withCartToken(token), guestsSku, 1).header(CART_TOKEN)).isNull();
    assertThat(quantities(cart(Caller.guest(token)))).isEqualTo(Map.of(guestsSku, 3));
    assertFailure(update(ann, bobsSku, new JsonObject().put("quantity", 1)).failure(), 404, "NOT_FOUND");
    assertThat(quantities(cart(bob))).isEqualTo(Map.of(bobsSku, 2, guestsSku, 1));
  }

  @Test
  void mergingMovesTheGuestsLinesIntoTheUsersCart() {
    Caller user = Caller.user();
    String both = catalog().sku("10.00", 500);
    String capped = catalog().sku("1.00", 500);
    String guestOnly = catalog().sku("2.00", 500);
    String userOnly = catalog().sku("3.00", 500);
    add(user, both, 1).orThrow();
    update(user, both, new JsonObject().put("selected", false)).orThrow();
    add(user, capped, 5).orThrow();
    add(user, userOnly, 1).orThrow();
    update(user, userOnly, new JsonObject().put("selected", false)).orThrow();

    String token = add(Caller.anonymous(), both, 2).header(CART_TOKEN);
    Caller guest = Caller.guest(token);
    add(guest, capped, 98).orThrow();
    update(guest, capped, new JsonObject().put("selected", false)).orThrow();
    add(guest, guestOnly, 3).orThrow();

    JsonObject merged = merge(user, token).orThrow();
    assertThat(quantities(merged)).isEqualTo(Map.of(both, 3, capped, 99, guestOnly, 3, userOnly, 1));
    assertThat(line(merged, both).getBoolean("selected")).as("either selected").isTrue();
    assertThat(line(merged, capped).getBoolean("selected")).isTrue();
    assertThat(line(merged, guestOnly).getBoolean("selected")).isTrue();
    assertThat(line(merged, userOnly).getBoolean("selected")).isFalse();
    assertThat(line(merged, both).getString("lineTotal")).isEqualTo("30.00");
    assertThat(merged).isEqualTo(cart(user));

    assertThat(exists("cart:g:" + token)).as("the guest cart is gone").isFalse();
    assertThat(cart(guest).getInteger("lineCount")).isZero();
    // merging again (a retried sign-in) changes nothing
    assertThat(merge(user, token).orThrow()).isEqualTo(merged);
  }

  @Test
  void aMergeKeepsAtMostMaxLinesTakingTheGuestsOldestLinesFirst() throws InterruptedException {
    Caller user = Caller.user();
    List<String> usersSkus = IntStream.range(0, 49).mapToObj(i -> catalog().sku("1.00", 10)).toList();
    usersSkus.forEach(sku -> add(user, sku, 1).orThrow());
    String shared = usersSkus.get(0);

    List<String> guestsSkus = new ArrayList<>();
    String token = null;
    for (int i = 0; i < 3; i++) {
      String sku = catalog().sku("1.00", 10);
      guestsSkus.add(sku);
      Reply added = add(token == null ? Caller.anonymous() : Caller.guest(token), sku, 1);
      token = token == null ? added.header(CART_TOKEN) : token;
      Thread.sleep(5); // distinct addedAt times
    }
    add(Caller.guest(token), shared, 2).orThrow();

    JsonObject merged = merge(user, token).orThrow();
    assertThat(merged.getInteger("lineCount")).isEqualTo(50);
    assertThat(quantities(merged)).containsEntry(shared, 3).containsKey(guestsSkus.get(0))
        .doesNotContainKeys(guestsSkus.get(1), guestsSkus.get(2));
    assertThat(exists("cart:g:" + token)).isFalse();
  }

  @Test
  void mergingATokenThatNamesNoCartChangesNothing() {
    Caller user = Caller.user();
    String sku = catalog().sku("4.00", 10);
    add(user, sku, 2).orThrow();
    JsonObject before = cart(user);
    assertThat(merge(user, unknownToken()).orThrow()).isEqualTo(before);

    Caller nobody = Caller.user();
    assertThat(merge(nobody, unknownToken()).orThrow().getInteger("lineCount")).isZero();
    assertThat(exists("cart:u:" + nobody.userId())).isFalse();
  }

  @Test
  void mergeNeedsAUserAndAWellFormedToken() {
    String token = add(Caller.anonymous(), catalog().sku("4.00", 10), 1).header(CART_TOKEN);
    assertFailure(merge(Caller.guest(token), token).failure(), 401, "UNAUTHORIZED");
    for (Object bad : new Object[] {null, "short", 42}) {
      ServiceException error = merge(Caller.user(), bad).failure();
      assertFailure(error, 400, "VALIDATION_FAILED");
      assertThat(error.details().getJsonObject(0).getString("field")).isEqualTo("guestToken");
    }
    assertThat(exists("cart:g:" + token)).isTrue();
  }
}
