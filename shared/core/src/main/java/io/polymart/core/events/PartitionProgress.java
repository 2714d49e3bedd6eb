package io.polymart.core.events;

/**
 * How far one partition of a batch got.
 *
 * @param commitOffset the offset to commit (the first record not yet done), or -1 if no record was done
 * @param resumeOffset where to read again because the batch stopped early, or -1 if every record was done
 * @param failure why it stopped early when the stores were unreachable; null otherwise
 */
record PartitionProgress(long commitOffset, long resumeOffset, Throwable failure) {

  boolean complete() {
    return resumeOffset < 0;
  }
}
