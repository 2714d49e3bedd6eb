package io.polymart.cart;

import io.polymart.core.bus.BusReply;

import java.util.Map;

/**
 * Whose cart a request is about: a signed-in user ({@code cart:u:<userId>}) or a guest ({@code cart:g:<token>}).
 * {@code issuedToken} is set when this request gave the guest a new token, which the reply must carry back.
 */
record CartOwner(String key, String userId, String issuedToken) {
  static CartOwner user(String userId) {
    return new CartOwner("cart:u:" + userId, userId, null);
  }

  static CartOwner guest(String token) {
    return new CartOwner(guestKey(token), null, null);
  }

  static CartOwner newGuest(String token) {
    return new CartOwner(guestKey(token), null, token);
  }

  static String guestKey(String token) {
    return "cart:g:" + token;
  }

  boolean isUser() {
    return userId != null;
  }

  /** Reply headers: the new guest token, if this request issued one. */
  Map<String, String> replyHeaders() {
    return issuedToken == null ? Map.of() : Map.of(BusReply.CART_TOKEN, issuedToken);
  }
}
