package io.polymart.orders.client;

import io.polymart.core.bus.Addresses;
import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** What checkout asks other verticles on the buyer's behalf: their address (users) and their cart (cart). */
public final class BuyerServices {
  private final EventBus eventBus;

  public BuyerServices(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  /** The buyer's address; someone else's or a missing one is a 422 on {@code addressId}. */
  public Future<JsonObject> address(UUID userId, UUID addressId) {
    JsonObject envelope = BusRequest.envelope(new JsonObject().put("id", addressId.toString()), new JsonObject(),
        new JsonObject());
    return eventBus.<JsonObject>request(Addresses.USERS_ADDRESSES_GET, envelope, as(userId))
        .map(Message::body)
        .recover(failure -> Future.failedFuture(failure instanceof ReplyException reply && reply.failureCode() == 404
            ? ServiceException.unprocessable("ADDRESS_NOT_FOUND", "addressId is not one of your addresses")
            : failure));
  }

  /** The selected lines of the buyer's cart. */
  public Future<JsonArray> selectedCartLines(UUID userId) {
    return eventBus.<JsonObject>request(Addresses.CART_SELECTED, BusRequest.envelope(new JsonObject()),
            as(userId))
        .map(reply -> reply.body().getJsonArray("items", new JsonArray()));
  }

  /** Purchased lines leave the cart; the order stands even if this fails, so callers only log a failure. */
  public Future<Void> removeCartLines(UUID userId, JsonArray skuIds) {
    return eventBus.request(Addresses.CART_REMOVE_LINES, BusRequest.envelope(new JsonObject().put("skuIds", skuIds)),
            as(userId))
        .mapEmpty();
  }

  private static DeliveryOptions as(UUID userId) {
    return new DeliveryOptions().setSendTimeout(10_000).addHeader(BusHeaders.USER_ID, userId.toString());
  }
}
