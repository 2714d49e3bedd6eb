package io.polymart.gateway;

import io.polymart.core.bus.Addresses;
import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a successful login that carried a guest cart token, moves that guest cart into the user's cart before the
 * login is answered, so the very next cart read shows the merged lines. A merge that fails never fails the login.
 */
final class GuestCartMerge implements BusForwarder.BeforeAnswer {
  private static final Logger LOG = LoggerFactory.getLogger(GuestCartMerge.class);
  /** Shorter than the usual bus timeout: a slow cart must not hold the login for long. */
  private static final long TIMEOUT_MS = 5_000;
  private final EventBus eventBus;

  GuestCartMerge(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  @Override
  public Future<Void> apply(RoutingContext ctx, Message<JsonObject> login) {
    String guestToken = ctx.request().getHeader(BusForwarder.CART_TOKEN_HEADER);
    JsonObject user = login.body() == null ? null : login.body().getJsonObject("user");
    String userId = user == null ? null : user.getString("id");
    if (guestToken == null || guestToken.isEmpty() || userId == null) {
      return Future.succeededFuture();
    }
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(TIMEOUT_MS)
        .addHeader(BusHeaders.USER_ID, userId)
        .addHeader(BusHeaders.REQUEST_ID, RequestContext.requestId(ctx));
    JsonObject body = new JsonObject().put("guestToken", guestToken);
    return eventBus.request(Addresses.CART_MERGE, BusRequest.envelope(body), options)
        .<Void>mapEmpty()
        .recover(e -> {
          LOG.warn("Merging the guest cart into user {}'s cart failed; the login goes on: {}", userId, e.getMessage());
          return Future.succeededFuture();
        });
  }
}
