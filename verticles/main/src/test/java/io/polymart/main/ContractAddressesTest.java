package io.polymart.main;

import io.polymart.core.bus.Addresses;
import io.polymart.core.bus.BusRequest;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.impl.Utils;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract and the verticles agree: every operation's {@code x-polymart-address} is bound on the deployed
 * platform, and every address the verticles serve is either an operation's, a service call between verticles, or
 * a broadcast.
 */
class ContractAddressesTest {

  @Test
  void everyOperationAddressIsBoundByAVerticle() {
    TestPlatform.config();
    assertThat(unbound(operationAddresses())).as("operations whose address no verticle binds").isEmpty();
  }

  @Test
  void everyServiceCallIsBoundAndNoOperationReachesOne() {
    TestPlatform.config();
    assertThat(unbound(Addresses.SERVICE_CALLS)).as("service calls no verticle binds").isEmpty();
    assertThat(operationAddresses()).doesNotContainAnyElementsOf(Addresses.SERVICE_CALLS);
  }

  @Test
  void everyAddressOfTheBusContractHasAnOperationOrIsInternal() throws IllegalAccessException {
    Set<String> withoutOperation = new TreeSet<>(declaredAddresses());
    withoutOperation.removeAll(operationAddresses());
    withoutOperation.removeAll(Addresses.SERVICE_CALLS);
    withoutOperation.removeAll(Addresses.PUBLISHED);
    assertThat(withoutOperation).as("addresses with no operation, neither service calls nor broadcasts").isEmpty();
  }

  /** Asks each address with an empty envelope: any answer, even a refusal, means a verticle is there. */
  private static Set<String> unbound(Set<String> addresses) {
    List<Future<?>> probes = new ArrayList<>();
    Set<String> unbound = new TreeSet<>();
    for (String address : addresses) {
      probes.add(TestPlatform.vertx().eventBus().request(address, BusRequest.envelope(new JsonObject()),
              new DeliveryOptions().setSendTimeout(10_000))
          .recover(failure -> {
            if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
              synchronized (unbound) {
                unbound.add(address);
              }
            }
            return Future.succeededFuture();
          }));
    }
    Future.all(probes).toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    return unbound;
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

  private static Set<String> declaredAddresses() throws IllegalAccessException {
    Set<String> addresses = new TreeSet<>();
    for (Field field : Addresses.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        addresses.add((String) field.get(null));
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
