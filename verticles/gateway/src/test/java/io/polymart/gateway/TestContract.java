package io.polymart.gateway;

import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;

import java.util.concurrent.TimeUnit;

/** The contract, loaded once for the gateway's unit tests. */
final class TestContract {
  private static OpenAPIContract contract;

  private TestContract() {
  }

  static synchronized OpenAPIContract get() {
    if (contract == null) {
      Vertx vertx = Vertx.vertx();
      try {
        contract = ApiContract.load(vertx).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("Cannot load the contract", e);
      } finally {
        vertx.close();
      }
    }
    return contract;
  }
}
