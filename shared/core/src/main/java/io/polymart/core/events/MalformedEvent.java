package io.polymart.core.events;

/**
 * A handler's failure for an event whose envelope reads but whose data does not (a required field missing or of the
 * wrong kind): trying again cannot help, so the consumer parks the event at once instead of retrying it.
 */
public final class MalformedEvent extends RuntimeException {

  public MalformedEvent(String message) {
    super(message, null, false, false);
  }
}
