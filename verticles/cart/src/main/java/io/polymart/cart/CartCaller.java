package io.polymart.cart;

/**
 * Who calls, as the gateway identifies them: the signed-in user's id, else the guest's {@code X-Cart-Token} as sent
 * (checked by {@link CartOwners}); both null for a guest without a cart.
 */
record CartCaller(String userId, String cartToken) {
}
