package io.polymart.gateway;

import io.vertx.core.http.HttpMethod;

/**
 * One HTTP route forwarded to an event-bus address. {@code bodySchema} names a JSON Schema under
 * {@code schemas/json/}, or is null for routes without a body.
 */
record RouteSpec(HttpMethod method, String path, String address, Access access, String bodySchema,
    int successStatus) {
}
