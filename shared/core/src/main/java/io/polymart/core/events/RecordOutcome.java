package io.polymart.core.events;

/** What became of one record; each of them lets the group move past it, except {@link #ABANDONED}. */
enum RecordOutcome {
  HANDLED,
  /** Its event id was processed before: the handler was not called. */
  DUPLICATE,
  PARKED,
  /** The consumer is closing: left for the next owner of the partition, not committed. */
  ABANDONED
}
