package io.polymart.cart;

import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.polymart.cart.CartFixture.add;
import static io.polymart.cart.CartFixture.addAsync;
import static io.polymart.cart.CartFixture.assertFailure;
import static io.polymart.cart.CartFixture.await;
import static io.polymart.cart.CartFixture.awaitAll;
import static io.polymart.cart.CartFixture.cart;
import static io.polymart.cart.CartFixture.catalog;
import static io.polymart.cart.CartFixture.ok;
import static io.polymart.cart.CartFixture.quantities;
import static io.polymart.cart.CartFixture.redis;
import static io.polymart.cart.CartFixture.remove;
import static io.polymart.cart.CartFixture.ttl;
import static io.polymart.cart.CartFixture.update;
import static io.polymart.core.bus.Addresses.CART_SELECTED;
import static io.polymart.core.bus.BusReply.CART_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** Carts in Redis: a sliding expiry, and atomic changes however many requests race on one cart. */
class CartStorageTest {
  private static final long THIRTY_DAYS = 30L * 24 * 3600;

  private static void shortenExpiry(String key) {
    await(redis().expire(List.of(key, "100")));
    assertThat(ttl(key)).isLessThanOrEqualTo(100);
  }

  private static void assertFreshExpiry(String key) {
    assertThat(ttl(key)).isBetween(THIRTY_DAYS - 60, THIRTY_DAYS);
  }

  @Test
  void everyReadAndWriteSlidesTheExpiry() {
    Caller user = Caller.user();
    String key = "cart:u:" + user.userId();
    String sku = catalog().sku("1.00", 10);
    String other = catalog().sku("1.00", 10);
    add(user, sku, 1).orThrow();
    assertFreshExpiry(key);

    shortenExpiry(key);
    cart(user);
    assertFreshExpiry(key);
    shortenExpiry(key);
    ok(CART_SELECTED, new JsonObject(), new JsonObject(), user);
    assertFreshExpiry(key);
    shortenExpiry(key);
    update(user, sku, new JsonObject().put("selected", false)).orThrow();
    assertFreshExpiry(key);
    shortenExpiry(key);
    add(user, other, 1).orThrow();
    assertFreshExpiry(key);
    shortenExpiry(key);
    remove(user, other).orThrow();
    assertFreshExpiry(key);

    String token = add(Caller.anonymous(), sku, 1).header(CART_TOKEN);
    String guestKey = "cart:g:" + token;
    assertFreshExpiry(guestKey);
    shortenExpiry(guestKey);
    cart(Caller.guest(token));
    assertFreshExpiry(guestKey);
  }

  @Test
  void concurrentAddsToOneLineAreNeverLost() {
    Caller user = Caller.user();
    String sku = catalog().sku("1.00", 1000);
    List<Reply> replies = awaitAll(IntStream.range(0, 50).mapToObj(i -> addAsync(user, sku, 1)).toList());
    assertThat(replies).allSatisfy(reply -> reply.orThrow());
    assertThat(quantities(cart(user))).isEqualTo(Map.of(sku, 50));

    // 60 more at once: 49 fit under maxQuantityPerLine (99), 11 are refused
    replies = awaitAll(IntStream.range(0, 60).mapToObj(i -> addAsync(user, sku, 1)).toList());
    assertThat(replies.stream().filter(Reply::ok).count()).isEqualTo(49);
    replies.stream().filter(reply -> !reply.ok())
        .forEach(reply -> assertFailure(reply.error(), 422, "QUANTITY_LIMIT"));
    assertThat(quantities(cart(user))).isEqualTo(Map.of(sku, 99));
  }

  @Test
  void concurrentAddsOfNewLinesStopAtMaxLines() {
    Caller user = Caller.user();
    List<Future<Reply>> adds = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      adds.add(addAsync(user, catalog().sku("1.00", 10), 1));
    }
    List<Reply> replies = awaitAll(adds);
    assertThat(replies.stream().filter(Reply::ok).count()).isEqualTo(50);
    replies.stream().filter(reply -> !reply.ok()).forEach(reply -> assertFailure(reply.error(), 422, "CART_FULL"));
    assertThat(await(redis().hlen("cart:u:" + user.userId())).toInteger()).isEqualTo(50);
  }

  @Test
  void concurrentGuestsEachGetTheirOwnCart() {
    String sku = catalog().sku("1.00", 1000);
    List<Reply> replies = awaitAll(IntStream.range(0, 20).mapToObj(i -> addAsync(Caller.anonymous(), sku, 1))
        .toList());
    assertThat(replies.stream().map(reply -> reply.header(CART_TOKEN)).distinct().count()).isEqualTo(20);
    replies.forEach(reply -> assertThat(quantities(cart(Caller.guest(reply.header(CART_TOKEN)))))
        .isEqualTo(Map.of(sku, 1)));
  }
}
