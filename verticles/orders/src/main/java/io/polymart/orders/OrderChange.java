package io.polymart.orders;

import io.polymart.core.outbox.OutboxEvent;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.List;

/** One orders transaction: its connection, the events it writes to the outbox and the live updates sent after commit. */
final class OrderChange {
  static final String TOPIC = "polymart.orders";
  private final SqlConnection connection;
  private final List<OutboxEvent> events = new ArrayList<>();
  private final List<UserEvent> userEvents = new ArrayList<>();

  record UserEvent(String userId, JsonObject body) {
  }

  OrderChange(SqlConnection connection) {
    this.connection = connection;
  }

  SqlConnection connection() {
    return connection;
  }

  void event(String orderId, String type, JsonObject data) {
    events.add(new OutboxEvent(TOPIC, orderId, type, data));
  }

  /** Sent to the user's live connections once the transaction has committed. */
  void notifyUser(String userId, JsonObject body) {
    userEvents.add(new UserEvent(userId, body));
  }

  List<OutboxEvent> events() {
    return events;
  }

  List<UserEvent> userEvents() {
    return userEvents;
  }
}
