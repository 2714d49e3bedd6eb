package io.polymart.core.events;

/** A record that is no event envelope: parked at once, without calling the handler. */
final class UnreadableEvent extends Exception {

  UnreadableEvent(String message) {
    super(message, null, false, false);
  }
}
