package io.polymart.gateway;

import io.vertx.core.http.HttpMethod;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Operation;

import java.util.Map;

/**
 * One operation of the contract as the gateway serves it, read from its {@code x-polymart-*} extensions:
 * the event-bus address it forwards to, who may call it, its hook, and the status of its success.
 */
record ApiOperation(Operation operation, String address, Access access, Hook hook, int successStatus,
    boolean takesVisitorId) {

  /** Reads the extensions once: the contract builds them anew on every call. */
  static ApiOperation of(Operation operation) {
    Map<String, Object> extensions = operation.getExtensions();
    String id = operation.getOperationId();
    try {
      Access access = Access.valueOf(String.valueOf(extensions.get("x-polymart-access")));
      Hook hook = Hook.named((String) extensions.get("x-polymart-hook"));
      String address = (String) extensions.get("x-polymart-address");
      if (hook.forwards() != (address != null)) {
        throw new IllegalArgumentException(hook.forwards() ? "x-polymart-address is missing"
            : "x-polymart-address is not used by hook " + hook);
      }
      return new ApiOperation(operation, address, access, hook, successStatus(operation),
          declaresHeader(operation, VisitorIds.HEADER));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Operation " + id + " of " + ApiContract.DOCUMENT + ": " + e.getMessage(), e);
    }
  }

  String id() {
    return operation.getOperationId();
  }

  HttpMethod method() {
    return operation.getHttpMethod();
  }

  /** Whether the request carries a JSON object body that the contract describes. */
  boolean takesJsonBody() {
    return hook != Hook.RAW_BODY && hook != Hook.MULTIPART_UPLOAD && operation.getRequestBody() != null;
  }

  private static boolean declaresHeader(Operation operation, String name) {
    return operation.getParameters().stream()
        .anyMatch(p -> p.getIn() == Location.HEADER && p.getName().equalsIgnoreCase(name));
  }

  /** The lowest 2xx status the operation documents (101 for a WebSocket); a 204 answers without a body. */
  private static int successStatus(Operation operation) {
    return operation.getOpenAPIModel().getJsonObject("responses").fieldNames().stream()
        .filter(status -> status.matches("2\\d\\d|101")).map(Integer::parseInt).min(Integer::compare)
        .orElseThrow(() -> new IllegalArgumentException("no 2xx (or 101) response is documented"));
  }
}
