package io.polymart.reviews;

/** Where a review is in moderation; only PUBLISHED reviews are shown and counted in {@code review_stats}. */
enum ReviewStatus {
  PENDING, PUBLISHED, REJECTED
}
