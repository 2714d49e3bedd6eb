package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.util.Optional;
import java.util.UUID;

/** A user's delivery addresses, as the users verticle keeps them ({@link Addresses#USERS_ADDRESSES_GET}). */
public final class AddressesClient {
  private static final int NOT_FOUND = 404;
  private final BusClient bus;

  public AddressesClient(BusClient bus) {
    this.bus = bus;
  }

  /** The caller's addresses, {@code {items}} as {@code GET /api/v1/me/addresses} answers them. */
  public Future<JsonObject> addresses(BusCaller user) {
    return bus.request(Addresses.USERS_ADDRESSES_LIST, new JsonObject(), user);
  }

  /** The user's address {@code addressId}; empty when it is missing or someone else's. */
  public Future<Optional<JsonObject>> address(UUID userId, UUID addressId) {
    return bus.send(Addresses.USERS_ADDRESSES_GET, new JsonObject().put("id", addressId.toString()), new JsonObject(),
            new JsonObject(), BusCaller.user(userId))
        .map(reply -> Optional.of(reply.body()))
        .recover(failure -> failure instanceof ReplyException reply && reply.failureCode() == NOT_FOUND
            ? Future.succeededFuture(Optional.empty())
            : Future.failedFuture(failure));
  }
}
