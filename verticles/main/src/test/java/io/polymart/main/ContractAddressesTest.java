package io.polymart.main;

import io.polymart.core.bus.Addresses;
import io.polymart.core.bus.BusServer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.impl.Utils;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract and the verticles agree: every operation's {@code x-polymart-address} is bound on the deployed
 * platform, and every address the verticles bind is either an operation's or a service call between verticles.
 */
class ContractAddressesTest {

  @Test
  void everyOperationAddressIsBoundByAVerticle() {
    Set<String> unbound = new TreeSet<>(operationAddresses());
    unbound.removeAll(boundAddresses());
    assertThat(unbound).as("operations whose address no verticle binds").isEmpty();
  }

  @Test
  void everyBoundAddressHasAnOperationOrIsAServiceCall() {
    Set<String> withoutOperation = new TreeSet<>(boundAddresses());
    withoutOperation.removeAll(operationAddresses());
    withoutOperation.removeIf(Addresses::isServiceCall);
    assertThat(withoutOperation).as("bound addresses with no operation that are not service calls").isEmpty();
  }

  @Test
  void everyServiceCallIsBoundAndNoOperationReachesOne() {
    assertThat(boundAddresses()).containsAll(Addresses.SERVICE_CALLS);
    assertThat(operationAddresses()).doesNotContainAnyElementsOf(Addresses.SERVICE_CALLS);
  }

  private static Set<String> boundAddresses() {
    return new TreeSet<>(TestPlatform.vertx().sharedData().<String, Boolean>getLocalMap(BusServer.BOUND_ADDRESSES)
        .keySet());
  }

  private static Set<String> operationAddresses() {
    JsonObject contract = contract();
    Set<String> addresses = new TreeSet<>();
    for (String path : contract.getJsonObject("paths").fieldNames()) {
      JsonObject operations = contract.getJsonObject("paths").getJsonObject(path);
      for (String method : operations.fieldNames()) {
        Object operation = operations.getValue(method);
        if (operation instanceof JsonObject model && model.getString("x-polymart-address") != null) {
          addresses.add(model.getString("x-polymart-address"));
        }
      }
    }
    return addresses;
  }

  private static JsonObject contract() {
    try (InputStream in = ContractAddressesTest.class.getClassLoader().getResourceAsStream("schemas/openapi.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Utils.yamlStringToJson(yaml).toCompletionStage().toCompletableFuture().join();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
