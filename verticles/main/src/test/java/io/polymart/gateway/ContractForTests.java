package io.polymart.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;

/** The gateway's own reading of the contract, for tests that check answers against it. */
public final class ContractForTests {
  private ContractForTests() {
  }

  public static Future<OpenAPIContract> load(Vertx vertx) {
    return ApiContract.load(vertx);
  }
}
