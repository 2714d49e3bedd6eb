package io.polymart.recommendations;

import io.vertx.core.json.JsonObject;

/** Whose activity: a signed-in user or a guest's opaque visitor id. */
record Shopper(boolean user, String id) {

  static Shopper user(String userId) {
    return new Shopper(true, userId);
  }

  static Shopper visitor(String visitorId) {
    return new Shopper(false, visitorId);
  }

  /** The event data's shopper: its {@code userId}, else its {@code visitorId}; null if it names neither. */
  static Shopper of(JsonObject data) {
    if (data.getString("userId") != null) {
      return user(data.getString("userId"));
    }
    return data.getString("visitorId") == null ? null : visitor(data.getString("visitorId"));
  }

  String key() {
    return (user ? "u:" : "v:") + id;
  }
}
