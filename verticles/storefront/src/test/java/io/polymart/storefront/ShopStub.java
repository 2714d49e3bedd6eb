package io.polymart.storefront;

import io.polymart.core.bus.Addresses;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the verticles the storefront reads from (catalog, reviews, recommendations): each address answers
 * what the test set for it, or the failure it set, and every request is kept (the storefront module must not depend
 * on theirs).
 */
final class ShopStub {
  static final List<String> ADDRESSES = List.of(Addresses.CATALOG_CATEGORIES_LIST, Addresses.CATALOG_PRODUCTS_SEARCH,
      Addresses.CATALOG_PRODUCT_GET, Addresses.REVIEWS_SUMMARY, Addresses.REVIEWS_LIST, Addresses.RECS_TRENDING,
      Addresses.RECS_FOR_YOU, Addresses.RECS_PRODUCT);
  private static final Object HANG = new Object();
  private final Map<String, Object> answers = new ConcurrentHashMap<>();
  private final List<Message<JsonObject>> requests = new CopyOnWriteArrayList<>();
  private final Map<String, MessageConsumer<JsonObject>> consumers = new ConcurrentHashMap<>();
  private final Vertx vertx;

  ShopStub(Vertx vertx) {
    this.vertx = vertx;
    ADDRESSES.forEach(this::bind);
  }

  private void bind(String address) {
    consumers.put(address, vertx.eventBus().<JsonObject>consumer(address, message -> {
      requests.add(message);
      Object answer = answers.get(address);
      if (answer == HANG) {
        return;
      }
      if (answer instanceof ServiceException error) {
        message.fail(error.status(), error.toJson().encode());
      } else if (answer instanceof JsonObject body) {
        message.reply(body.copy());
      } else {
        message.fail(404, ServiceException.notFound("Nothing set for " + address).toJson().encode());
      }
    }));
  }

  void answer(String address, JsonObject body) {
    answers.put(address, body);
  }

  void fail(String address, ServiceException error) {
    answers.put(address, error);
  }

  /** The address takes requests and never answers, as a verticle stuck on its store. */
  void hang(String address) {
    answers.put(address, HANG);
  }

  /** Nothing answers at the address any more, as when its verticle is not deployed. */
  void unbind(String address) {
    MessageConsumer<JsonObject> consumer = consumers.remove(address);
    if (consumer != null) {
      io.polymart.testing.BusTestNode.await(consumer.unregister());
    }
  }

  /** The requests made to the address so far, oldest first. */
  List<Message<JsonObject>> requests(String address) {
    return requests.stream().filter(message -> message.address().equals(address)).toList();
  }

  void reset() {
    requests.clear();
    answers.clear();
    ADDRESSES.stream().filter(address -> !consumers.containsKey(address)).forEach(this::bind);
  }
}
