package io.polymart.recommendations;

/** Whose activity: a signed-in user or a guest's opaque visitor id. */
record Shopper(boolean user, String id) {

  static Shopper user(String userId) {
    return new Shopper(true, userId);
  }

  static Shopper visitor(String visitorId) {
    return new Shopper(false, visitorId);
  }

  String key() {
    return (user ? "u:" : "v:") + id;
  }
}
