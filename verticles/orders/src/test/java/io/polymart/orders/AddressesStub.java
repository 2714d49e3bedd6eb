package io.polymart.orders;

import io.polymart.core.bus.BusServer;
import io.polymart.core.error.ServiceException;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.polymart.core.bus.Addresses.USERS_ADDRESSES_GET;

/**
 * Stands in for the users verticle at {@code users.addresses.get}: the caller's own address as the users verticle
 * renders it, and a 404 for a missing address or someone else's.
 */
final class AddressesStub {
  private final Map<String, JsonObject> addresses = new ConcurrentHashMap<>();

  AddressesStub(Vertx vertx) {
    new BusServer(vertx).handle(USERS_ADDRESSES_GET, request -> {
      String userId = request.userUuid().toString();
      UUID id = request.uuidParam("id", "Address");
      JsonObject address = addresses.get(userId + "/" + id);
      return address == null ? Future.failedFuture(ServiceException.notFound("Address not found"))
          : Future.succeededFuture(address.copy());
    });
  }

  /** A new address of the user's; its id. */
  String address(Caller user) {
    String id = UUID.randomUUID().toString();
    String now = Instant.now().toString();
    addresses.put(user.userId() + "/" + id, new JsonObject().put("id", id).put("receiver", "Ada " + id.substring(0, 4))
        .put("phone", "+1 555 0100").put("province", "CA").put("city", "San Francisco").put("district", "Mission")
        .put("detail", "1 Valencia St, unit " + id.substring(0, 4)).put("postalCode", "94110").put("isDefault", true)
        .put("createdAt", now).put("updatedAt", now));
    return id;
  }

  /** The address as an order keeps it: its delivery fields, without id, default flag or dates. */
  JsonObject snapshot(Caller user, String addressId) {
    JsonObject address = addresses.get(user.userId() + "/" + addressId).copy();
    address.remove("id");
    address.remove("isDefault");
    address.remove("createdAt");
    address.remove("updatedAt");
    return address;
  }
}
