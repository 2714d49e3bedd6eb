package io.polymart.users;

import io.polymart.core.events.ActivityPublisher;
import io.vertx.core.json.JsonObject;

/**
 * Publishes {@code VisitorSignedIn} when a login or registration that carried a visitor id succeeds, so that what the
 * guest did under that id can count for the user.
 */
final class VisitorSignIns {
  private final ActivityPublisher activity;

  VisitorSignIns(ActivityPublisher activity) {
    this.activity = activity;
  }

  /** {@code answer} is the token response of the login or registration; it is passed on unchanged. */
  JsonObject signedIn(JsonObject answer, String visitorId) {
    if (visitorId != null) {
      String userId = answer.getJsonObject("user").getString("id");
      // keyed by the visitor: it follows the visitor's own views on their partition
      activity.publish("VisitorSignedIn", userId, visitorId, "visitorId", visitorId, "userId", userId);
    }
    return answer;
  }
}
