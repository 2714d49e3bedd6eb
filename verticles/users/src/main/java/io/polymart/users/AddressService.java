package io.polymart.users;

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

  Future<JsonObject> list(UUID userId) {
    return addresses.list(pool, userId).map(all -> new JsonObject().put("items", new JsonArray(all)));
  }

  /** One of the caller's addresses; someone else's is as unknown as a missing one. */
  Future<JsonObject> get(UUID userId, UUID id) {
    return addresses.find(pool, userId, id).compose(AddressService::found);
  }

  /** A user's first address is their default whatever {@code wantsDefault} says. */
  Future<JsonObject> create(UUID userId, Address address, boolean wantsDefault) {
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

  /** Replaces the fields; {@code makeDefault} also makes it the default (false is ignored: one must stay). */
  Future<JsonObject> update(UUID userId, UUID id, Address address, boolean makeDefault) {
    return lockedForUser(userId, conn -> addresses.update(conn, userId, id, address)
        .compose(updated -> updated.isEmpty() || !makeDefault
            ? Future.succeededFuture(updated)
            : addresses.makeDefault(conn, userId, id))
        .compose(AddressService::found));
  }

  Future<JsonObject> delete(UUID userId, UUID id) {
    return lockedForUser(userId, conn -> addresses.delete(conn, userId, id).compose(wasDefault -> {
      if (wasDefault.isEmpty()) {
        return Future.failedFuture(ServiceException.notFound(NOT_FOUND));
      }
      return wasDefault.get() ? addresses.promoteNewest(conn, userId).map(v -> null) : Future.succeededFuture();
    }));
  }

  Future<JsonObject> makeDefault(UUID userId, UUID id) {
    return lockedForUser(userId, conn -> addresses.makeDefault(conn, userId, id).compose(AddressService::found));
  }

  private <T> Future<T> lockedForUser(UUID userId, Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(conn -> accounts.lock(conn, userId).compose(account -> account.isEmpty()
        ? Future.failedFuture(ServiceException.notFound("User not found"))
        : work.apply(conn)));
  }

  private static Future<JsonObject> found(Optional<JsonObject> address) {
    return address.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ServiceException.notFound(NOT_FOUND)));
  }
}
