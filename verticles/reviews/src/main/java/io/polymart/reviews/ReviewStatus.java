package io.polymart.reviews;

/**
 * Where a review is in moderation; only PUBLISHED reviews are shown and counted in {@code review_stats}. DELETED is a
 * tombstone: a deleted review waiting to be taken out of the stats and announced (see {@link ReviewSettlement}),
 * never shown, listed nor counted, and removed for good right after.
 */
enum ReviewStatus {
  PENDING, PUBLISHED, REJECTED, DELETED
}
