package io.polymart.users;

import io.polymart.core.client.AddressesClient;
import io.polymart.core.client.BusClient;
import io.polymart.core.client.BusSettings;
import io.polymart.core.error.ServiceException;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.USERS_ADDRESSES_CREATE;
import static io.polymart.core.bus.Addresses.USERS_ADDRESSES_DELETE;
import static io.polymart.core.bus.Addresses.USERS_ADDRESSES_LIST;
import static io.polymart.core.bus.Addresses.USERS_ADDRESSES_SET_DEFAULT;
import static io.polymart.core.bus.Addresses.USERS_ADDRESSES_UPDATE;
import static io.polymart.users.UsersFixture.MAX_ADDRESSES;
import static io.polymart.users.UsersFixture.assertFailure;
import static io.polymart.users.UsersFixture.node;
import static io.polymart.users.UsersFixture.register;
import static io.polymart.users.UsersFixture.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

/** A user's delivery addresses: exactly one default while any exist, a limit, and nobody else's. */
class AddressesTest {
  private static JsonObject address(String receiver) {
    return new JsonObject().put("receiver", receiver).put("phone", "13800000000").put("province", "Zhejiang")
        .put("city", "Hangzhou").put("district", "Xihu").put("detail", "1 Lake Road").put("postalCode", "310000");
  }

  private static JsonObject create(Caller user, JsonObject address) {
    return node().ok(USERS_ADDRESSES_CREATE, new JsonObject(), address, user);
  }

  private static List<JsonObject> list(Caller user) {
    return node().ok(USERS_ADDRESSES_LIST, new JsonObject(), new JsonObject(), user).getJsonArray("items").stream()
        .map(JsonObject.class::cast).toList();
  }

  private static String defaultReceiver(Caller user) {
    List<String> defaults = list(user).stream().filter(address -> address.getBoolean("isDefault"))
        .map(address -> address.getString("receiver")).toList();
    assertThat(defaults).as("exactly one default").hasSize(1);
    return defaults.get(0);
  }

  private static JsonObject id(JsonObject address) {
    return new JsonObject().put("id", address.getString("id"));
  }

  @Test
  void theFirstAddressIsTheDefaultAndDeletingTheDefaultPromotesTheNewest() {
    Caller user = signedIn(register());
    JsonObject home = create(user, address("Home"));
    assertThat(home.getBoolean("isDefault")).isTrue();
    JsonObject office = create(user, address("Office"));
    assertThat(office.getBoolean("isDefault")).isFalse();
    create(user, address("Parents"));
    assertThat(defaultReceiver(user)).isEqualTo("Home");

    node().ok(USERS_ADDRESSES_SET_DEFAULT, id(office), new JsonObject(), user);
    assertThat(defaultReceiver(user)).isEqualTo("Office");
    node().ok(USERS_ADDRESSES_UPDATE, id(home), address("Home again").put("isDefault", true), user);
    assertThat(defaultReceiver(user)).isEqualTo("Home again");

    node().call(USERS_ADDRESSES_DELETE, id(home), new JsonObject(), user).orThrow();
    assertThat(defaultReceiver(user)).as("the newest left").isEqualTo("Parents");
  }

  @Test
  void aUserKeepsAtMostTheConfiguredNumberOfAddresses() {
    Caller user = signedIn(register());
    for (int i = 0; i < MAX_ADDRESSES; i++) {
      create(user, address("Receiver " + i));
    }
    ServiceException full = node().fails(USERS_ADDRESSES_CREATE, new JsonObject(), address("One more"), user);
    assertFailure(full, 422, "ADDRESS_LIMIT");
    assertThat(full.getMessage()).isEqualTo("At most " + MAX_ADDRESSES + " addresses can be kept");
    assertThat(list(user)).hasSize(MAX_ADDRESSES);
  }

  // An address that breaks the contract never reaches the service: see the gateway's UsersBodiesTest.

  @Test
  void anotherUsersAddressIsNotFoundAndTheClientSaysSo() {
    Caller owner = signedIn(register());
    Caller intruder = signedIn(register());
    JsonObject home = create(owner, address("Home"));

    assertFailure(node().fails(USERS_ADDRESSES_UPDATE, id(home), address("Mine now"), intruder), 404, "NOT_FOUND");
    assertFailure(node().fails(USERS_ADDRESSES_DELETE, id(home), new JsonObject(), intruder), 404, "NOT_FOUND");
    assertFailure(node().fails(USERS_ADDRESSES_SET_DEFAULT, id(home), new JsonObject(), intruder), 404,
        "NOT_FOUND");
    assertFailure(node().fails(USERS_ADDRESSES_DELETE, new JsonObject().put("id", "123"), new JsonObject(), owner),
        404, "NOT_FOUND");

    AddressesClient addresses = new AddressesClient(new BusClient(node().vertx(),
        BusSettings.from(node().config())));
    UUID homeId = UUID.fromString(home.getString("id"));
    assertThat(BusTestNode.await(addresses.address(owner.uuid(), homeId))).contains(home);
    assertThat(BusTestNode.await(addresses.address(intruder.uuid(), homeId))).isEqualTo(Optional.empty());
    assertThat(BusTestNode.await(addresses.address(owner.uuid(), UUID.randomUUID()))).isEmpty();
  }
}
