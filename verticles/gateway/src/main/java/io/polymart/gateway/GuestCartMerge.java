package io.polymart.gateway;

import io.polymart.core.client.BusCaller;
import io.polymart.core.client.CartClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
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
  private final CartClient cart;

  GuestCartMerge(CartClient cart) {
    this.cart = cart;
  }

  @Override
  public Future<Void> apply(RoutingContext ctx, Message<Object> login) {
    JsonObject user = login.body() instanceof Buffer body ? new JsonObject(body).getJsonObject("user") : null;
    return merge(ctx, user == null ? null : user.getString("id"), BrowserRequests.cartToken(ctx));
  }

  /** Moves the guest cart of {@code guestToken} (null: none) into the cart of {@code userId}. */
  Future<Void> merge(RoutingContext ctx, String userId, String guestToken) {
    if (guestToken == null || guestToken.isEmpty() || userId == null) {
      return Future.succeededFuture();
    }
    return cart.merge(BusCaller.user(userId).withRequestId(RequestContext.requestId(ctx)), guestToken)
        .<Void>mapEmpty()
        .recover(e -> {
          LOG.warn("Merging the guest cart into user {}'s cart failed; the login goes on: {}", userId, e.getMessage());
          return Future.succeededFuture();
        });
  }
}
