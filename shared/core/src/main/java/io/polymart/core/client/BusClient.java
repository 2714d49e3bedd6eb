package io.polymart.core.client;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.UnhandledRequests;
import io.polymart.core.logging.RequestScope;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/**
 * Requests to another verticle's address in the envelope a {@link BusRequest} reads, on behalf of a {@link BusCaller},
 * with the one timeout of {@link BusSettings}. A failure is the callee's {@code ReplyException} as it came (read it
 * with {@code ServiceException.fromFailure}); no answer in time fails as the event bus reports it. A request that
 * reached no handler is sent again a few times ({@link UnhandledRequests}) before it fails so. A request goes to the
 * callee's instance on the caller's event loop where there is one ({@code SameLoopAddresses}).
 */
public final class BusClient {
  private final Vertx vertx;
  private final BusSettings settings;

  public BusClient(Vertx vertx, BusSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
  }

  /** A client with the timeout of {@code config}'s {@code bus} section. */
  public static BusClient create(Vertx vertx, JsonObject config) {
    return new BusClient(vertx, BusSettings.from(config));
  }

  public Duration timeout() {
    return settings.timeout();
  }

  /** A service call that has only a body, on nobody's behalf: the reply body. */
  public Future<JsonObject> request(String address, JsonObject body) {
    return request(address, body, BusCaller.NONE);
  }

  /** A service call that has only a body: the reply body. */
  public Future<JsonObject> request(String address, JsonObject body, BusCaller caller) {
    return send(address, new JsonObject(), new JsonObject(), body, caller).map(Message::body);
  }

  /**
   * The whole reply, for callers that read its delivery headers too. A call made while handling a request carries
   * that request's id on, unless the caller names one.
   */
  public Future<Message<JsonObject>> send(String address, JsonObject params, JsonObject query, JsonObject body,
      BusCaller caller) {
    DeliveryOptions options = caller.options(settings.timeout().toMillis());
    RequestScope scope = RequestScope.current();
    if (scope != null && (options.getHeaders() == null || !options.getHeaders().contains(BusHeaders.REQUEST_ID))) {
      options.addHeader(BusHeaders.REQUEST_ID, scope.requestId());
    }
    JsonObject envelope = BusRequest.envelope(params, query, body);
    return UnhandledRequests.send(vertx, address, envelope, options);
  }
}
