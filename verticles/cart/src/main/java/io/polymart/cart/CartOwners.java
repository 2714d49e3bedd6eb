package io.polymart.cart;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

import java.util.Optional;

/** Finds whose cart a request means: the user header when signed in, else the guest's {@code x-cart-token}. */
final class CartOwners {
  private final CartStore store;
  private final GuestTokens tokens;

  CartOwners(CartStore store, GuestTokens tokens) {
    this.store = store;
    this.tokens = tokens;
  }

  /** The owner whose cart to read or change; empty for a guest without a token, who has no cart. */
  Optional<CartOwner> existing(BusRequest request) {
    String userId = request.optionalUserId();
    if (userId != null) {
      return Optional.of(CartOwner.user(userId));
    }
    return guestToken(request).map(CartOwner::guest);
  }

  /**
   * The owner whose cart to add to. A guest whose token names no cart (none sent, or one that expired) gets a new
   * token rather than keeping one it chose itself.
   */
  Future<CartOwner> forAdding(BusRequest request) {
    Optional<CartOwner> owner = existing(request);
    if (owner.isEmpty()) {
      return Future.succeededFuture(CartOwner.newGuest(tokens.next()));
    }
    if (owner.get().isUser()) {
      return Future.succeededFuture(owner.get());
    }
    return store.exists(owner.get().key())
        .map(known -> known ? owner.get() : CartOwner.newGuest(tokens.next()));
  }

  private static Optional<String> guestToken(BusRequest request) {
    Optional<String> token = request.header(BusHeaders.CART_TOKEN).filter(value -> !value.isEmpty());
    if (token.isPresent() && !GuestTokens.wellFormed(token.get())) {
      throw ServiceException.badRequest("The X-Cart-Token header is not a valid cart token", new JsonArray()
          .add(ServiceException.fieldError("X-Cart-Token", "must be a token from an earlier X-Cart-Token response "
              + "header")));
    }
    return token;
  }
}
