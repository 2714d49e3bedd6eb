package io.polymart.users;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The caller's delivery addresses. Changes run in a transaction that locks the account row, so
 * "exactly one default while any exist" holds under concurrent requests.
 */
final class AddressService {
  private static final String NOT_FOUND = "Address not found";
  private final Pool pool;
  private final AccountRepository accounts;
  private final AddressRepository addresses;
  private final int maxAddresses;

  AddressService(Pool pool, AccountRepository accounts, AddressRepository addresses, int maxAddresses) {
    this.pool = pool;
    this.accounts = accounts;
    this.addresses = addresses;
    this.maxAddresses = maxAddresses;
  }

  Future<JsonObject> list(BusRequest request) {
    return addresses.list(pool, request.userUuid()).map(all -> new JsonObject().put("items", new JsonArray(all)));
  }

  /** One of the caller's addresses; someone else's is as unknown as a missing one. */
  Future<JsonObject> get(BusRequest request) {
    return addresses.find(pool, request.userUuid(), request.uuidParam("id", "Address")).compose(AddressService::found);
  }

  Future<JsonObject> create(BusRequest request) {
    Address address = validated(request);
    boolean wantsDefault = Boolean.TRUE.equals(request.body().getValue("isDefault"));
    UUID userId = request.userUuid();
    return lockedForUser(userId, conn -> addresses.count(conn, userId).compose(count -> {
      if (count >= maxAddresses) {
        return Future.failedFuture(ServiceException.unprocessable("ADDRESS_LIMIT",
            "At most " + maxAddresses + " addresses can be kept"));
      }
      boolean isDefault = wantsDefault || count == 0;
      Future<Void> cleared = isDefault ? addresses.clearDefault(conn, userId) : Future.succeededFuture();
      return cleared.compose(v -> addresses.insert(conn, userId, address, isDefault));
    }));
  }

  /** Replaces the fields; {@code isDefault: true} also makes it the default (false is ignored: one must stay). */
  Future<JsonObject> update(BusRequest request) {
    Address address = validated(request);
    UUID id = request.uuidParam("id", "Address");
    boolean makeDefault = Boolean.TRUE.equals(request.body().getValue("isDefault"));
    UUID userId = request.userUuid();
    return lockedForUser(userId, conn -> addresses.update(conn, userId, id, address)
        .compose(updated -> updated.isEmpty() || !makeDefault
            ? Future.succeededFuture(updated)
            : addresses.makeDefault(conn, userId, id))
        .compose(AddressService::found));
  }

  Future<JsonObject> delete(BusRequest request) {
    UUID id = request.uuidParam("id", "Address");
    UUID userId = request.userUuid();
    return lockedForUser(userId, conn -> addresses.delete(conn, userId, id).compose(wasDefault -> {
      if (wasDefault.isEmpty()) {
        return Future.failedFuture(ServiceException.notFound(NOT_FOUND));
      }
      return wasDefault.get() ? addresses.promoteNewest(conn, userId).map(v -> null) : Future.succeededFuture();
    }));
  }

  Future<JsonObject> makeDefault(BusRequest request) {
    UUID id = request.uuidParam("id", "Address");
    UUID userId = request.userUuid();
    return lockedForUser(userId, conn -> addresses.makeDefault(conn, userId, id).compose(AddressService::found));
  }

  private <T> Future<T> lockedForUser(UUID userId, Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(conn -> accounts.lock(conn, userId).compose(account -> account.isEmpty()
        ? Future.failedFuture(ServiceException.notFound("User not found"))
        : work.apply(conn)));
  }

  private static Address validated(BusRequest request) {
    Address address = new Address(request.bodyString("receiver"), request.bodyString("phone"),
        request.bodyString("province"), request.bodyString("city"), request.bodyString("district"),
        request.bodyString("detail"), request.bodyString("postalCode"));
    FieldErrors errors = new FieldErrors();
    UserRules.text(errors, "receiver", address.receiver(), 50);
    UserRules.phone(errors, "phone", address.phone());
    UserRules.text(errors, "province", address.province(), 50);
    UserRules.text(errors, "city", address.city(), 50);
    UserRules.text(errors, "district", address.district(), 50);
    UserRules.text(errors, "detail", address.detail(), 200);
    UserRules.postalCode(errors, address.postalCode());
    errors.throwIfAny();
    return address;
  }

  private static Future<JsonObject> found(Optional<JsonObject> address) {
    return address.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ServiceException.notFound(NOT_FOUND)));
  }
}
