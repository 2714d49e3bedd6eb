package io.polymart.reviews;

import org.bson.Document;

import java.util.List;

/**
 * What {@code review_stats} counts of one revision of a review: nothing unless it is PUBLISHED, else its rating,
 * verified mark and whether it has images. The stats document keeps the one it counted last of each review under
 * {@code counted.<reviewId>}, so applying a revision moves the aggregates by the difference, once.
 */
record CountedReview(long revision, boolean published, int rating, boolean verified, boolean withImages) {
  /** What the stats hold of a review they never saw. */
  static final CountedReview NONE = new CountedReview(0, false, 0, false, false);

  /** The review as stored (a tombstone counts as nothing). */
  static CountedReview of(Document review) {
    boolean published = ReviewStatus.PUBLISHED.name().equals(review.getString("status"));
    List<?> images = review.get("images", List.class);
    return new CountedReview(RatingSnapshot.number(review.get("revision")), published,
        published ? review.getInteger("rating") : 0, published && Boolean.TRUE.equals(review.getBoolean("verified")),
        published && images != null && !images.isEmpty());
  }

  /** The entry of {@code counted.<reviewId>}, or NONE when there is none. */
  static CountedReview from(Document entry) {
    if (entry == null) {
      return NONE;
    }
    return new CountedReview(RatingSnapshot.number(entry.get("revision")), entry.getBoolean("published", false),
        (int) RatingSnapshot.number(entry.get("rating")), entry.getBoolean("verified", false),
        entry.getBoolean("withImages", false));
  }

  Document toDocument() {
    Document entry = new Document("revision", revision).append("published", published);
    if (published) {
      entry.append("rating", rating).append("verified", verified).append("withImages", withImages);
    }
    return entry;
  }

  /** Whether a published review changed what an event about it carries. */
  boolean sameAnnouncement(CountedReview other) {
    return published == other.published && rating == other.rating && verified == other.verified;
  }
}
