package io.polymart.cart;

import io.polymart.core.bus.Addresses;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.polymart.cart.CartFixture.add;
import static io.polymart.cart.CartFixture.await;
import static io.polymart.cart.CartFixture.awaitCondition;
import static io.polymart.cart.CartFixture.call;
import static io.polymart.cart.CartFixture.cart;
import static io.polymart.cart.CartFixture.catalog;
import static io.polymart.cart.CartFixture.ok;
import static io.polymart.cart.CartFixture.remove;
import static io.polymart.cart.CartFixture.update;
import static io.polymart.cart.CartFixture.vertx;
import static io.polymart.core.bus.Addresses.CART_CLEAR;
import static io.polymart.core.bus.Addresses.CART_MERGE;
import static io.polymart.core.bus.Addresses.CART_REMOVE_LINES;
import static io.polymart.core.bus.Addresses.CART_SELECTED;
import static io.polymart.core.bus.BusReply.CART_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** cart.changed reaches a signed-in user's live connections after every change of their cart, and only then. */
class CartEventsTest {
  private static JsonObject changed(int lineCount, int selectedQuantity) {
    return new JsonObject().put("type", "cart.changed").put("lineCount", lineCount)
        .put("selectedQuantity", selectedQuantity);
  }

  /** Everything published to the user's event address, in order. */
  private static List<JsonObject> listen(Caller user, List<MessageConsumer<JsonObject>> consumers) {
    List<JsonObject> events = Collections.synchronizedList(new ArrayList<>());
    MessageConsumer<JsonObject> consumer = vertx().eventBus().consumer(Addresses.userEvents(user.userId()),
        message -> events.add(message.body()));
    await(consumer.completion());
    consumers.add(consumer);
    return events;
  }

  private static void awaitEvents(List<JsonObject> events, int count) {
    awaitCondition(count + " events", Duration.ofSeconds(5), () -> events.size() >= count);
  }

  @Test
  void everyChangeOfAUsersCartIsPublished() {
    Caller user = Caller.user();
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    List<JsonObject> events = listen(user, consumers);
    try {
      String shirt = catalog().sku("10.00", 10);
      String mug = catalog().sku("2.00", 10);
      String hat = catalog().sku("5.00", 10);
      add(user, shirt, 2).orThrow();
      awaitEvents(events, 1);
      add(user, mug, 3).orThrow();
      update(user, mug, new JsonObject().put("selected", false)).orThrow();
      add(user, hat, 1).orThrow();
      remove(user, hat).orThrow();
      ok(CART_REMOVE_LINES, new JsonObject(), new JsonObject().put("skuIds", new JsonArray().add(shirt)), user);
      String token = add(Caller.anonymous(), hat, 4).header(CART_TOKEN);
      ok(CART_MERGE, new JsonObject(), new JsonObject().put("guestToken", token), user);
      call(CART_CLEAR, new JsonObject(), new JsonObject(), user).orThrow();
      awaitEvents(events, 8);
      assertThat(events).containsExactly(changed(1, 2), changed(2, 5), changed(2, 2), changed(3, 3), changed(2, 2),
          changed(1, 0), changed(2, 4), changed(0, 0));

      // reads, refusals and changes that change nothing publish nothing
      cart(user);
      ok(CART_SELECTED, new JsonObject(), new JsonObject(), user);
      remove(user, hat).orThrow();
      add(user, catalog().sku("1.00", 0), 1).failure();
      call(CART_CLEAR, new JsonObject(), new JsonObject(), user).orThrow();
      ok(CART_MERGE, new JsonObject(), new JsonObject().put("guestToken", token), user);
      add(user, shirt, 1).orThrow();
      awaitEvents(events, 9);
      assertThat(events.get(8)).isEqualTo(changed(1, 1));
      assertThat(events).hasSize(9);
    } finally {
      consumers.forEach(consumer -> await(consumer.unregister()));
    }
  }

  @Test
  void guestsGetNoEvents() {
    List<String> published = Collections.synchronizedList(new ArrayList<>());
    Handler<DeliveryContext<Object>> interceptor = context -> {
      if (context.message().address().startsWith("user.events.")) {
        published.add(context.message().address());
      }
      context.next();
    };
    vertx().eventBus().addOutboundInterceptor(interceptor);
    try {
      String sku = catalog().sku("1.00", 10);
      String token = add(Caller.anonymous(), sku, 1).header(CART_TOKEN);
      Caller guest = Caller.guest(token);
      add(guest, sku, 1).orThrow();
      update(guest, sku, new JsonObject().put("quantity", 1)).orThrow();
      remove(guest, sku).orThrow();
      add(guest, sku, 1).orThrow();
      call(CART_CLEAR, new JsonObject(), new JsonObject(), guest).orThrow();

      // the interceptor does see a user's event
      Caller user = Caller.user();
      add(user, sku, 1).orThrow();
      awaitCondition("the user's event", Duration.ofSeconds(5), () -> !published.isEmpty());
      assertThat(published).containsOnly(Addresses.userEvents(user.userId()));
    } finally {
      vertx().eventBus().removeOutboundInterceptor(interceptor);
    }
  }
}
