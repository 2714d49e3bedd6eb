package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The access-token revocations the users verticle keeps ({@link Addresses#USERS_REVOCATIONS_LIST}). */
public final class RevocationsClient {
  private final BusClient bus;

  public RevocationsClient(BusClient bus) {
    this.bus = bus;
  }

  /**
   * Every revocation still in force: {@code {sessionId, expiresAt}} or {@code {userId, minVersion, expiresAt}}, the
   * entries also published one by one on {@link Addresses#USERS_REVOCATIONS}.
   */
  public Future<JsonArray> active() {
    return bus.request(Addresses.USERS_REVOCATIONS_LIST, new JsonObject())
        .map(reply -> reply.getJsonArray("items"));
  }
}
