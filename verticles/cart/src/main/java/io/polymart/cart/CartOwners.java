package io.polymart.cart;

import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

import java.util.Optional;

/** Finds whose cart a caller means: the signed-in user's, else the guest's named by their cart token. */
final class CartOwners {
  private final CartRepository carts;
  private final GuestTokens tokens;

  CartOwners(CartRepository carts, GuestTokens tokens) {
    this.carts = carts;
    this.tokens = tokens;
  }

  /** The owner whose cart to read or change; empty for a guest without a token, who has no cart. */
  Optional<CartOwner> existing(CartCaller caller) {
    if (caller.userId() != null) {
      return Optional.of(CartOwner.user(caller.userId()));
    }
    return guestToken(caller).map(CartOwner::guest);
  }

  /**
   * The owner whose cart to add to. A guest whose token names no cart (none sent, or one that expired) gets a new
   * token rather than keeping one it chose itself.
   */
  Future<CartOwner> forAdding(CartCaller caller) {
    Optional<CartOwner> owner = existing(caller);
    if (owner.isEmpty()) {
      return Future.succeededFuture(CartOwner.newGuest(tokens.next()));
    }
    if (owner.get().isUser()) {
      return Future.succeededFuture(owner.get());
    }
    return carts.exists(owner.get().key())
        .map(known -> known ? owner.get() : CartOwner.newGuest(tokens.next()));
  }

  private static Optional<String> guestToken(CartCaller caller) {
    Optional<String> token = Optional.ofNullable(caller.cartToken()).filter(value -> !value.isEmpty());
    if (token.isPresent() && !GuestTokens.wellFormed(token.get())) {
      throw ServiceException.badRequest("The X-Cart-Token header is not a valid cart token", new JsonArray()
          .add(ServiceException.fieldError("X-Cart-Token", "must be a token from an earlier X-Cart-Token response "
              + "header")));
    }
    return token;
  }
}
