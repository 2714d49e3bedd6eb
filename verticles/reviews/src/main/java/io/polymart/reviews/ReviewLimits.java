package io.polymart.reviews;

import io.polymart.core.ratelimit.RateLimiter;
import io.vertx.core.Future;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * What one user may do per window ({@code reviews.rateLimit}), counted in Redis under {@code reviews:rl:} for every
 * instance and node: writing and editing reviews, voting, reporting, uploading images. Past a limit the request
 * answers 429 with {@code Retry-After} and does nothing.
 */
final class ReviewLimits {
  private final RateLimiter limiter;
  private final ReviewsSettings.RateLimits limits;

  ReviewLimits(RateLimiter limiter, ReviewsSettings.RateLimits limits) {
    this.limiter = limiter;
    this.limits = limits;
  }

  <T> Future<T> write(UUID userId, Supplier<Future<T>> action) {
    return within("writes", userId, limits.writesPerUser(), action);
  }

  <T> Future<T> vote(UUID userId, Supplier<Future<T>> action) {
    return within("votes", userId, limits.votesPerUser(), action);
  }

  <T> Future<T> report(UUID userId, Supplier<Future<T>> action) {
    return within("reports", userId, limits.reportsPerUser(), action);
  }

  <T> Future<T> upload(UUID userId, Supplier<Future<T>> action) {
    return within("uploads", userId, limits.uploadsPerUser(), action);
  }

  private <T> Future<T> within(String kind, UUID userId, int limit, Supplier<Future<T>> action) {
    return limiter.hit(kind + ":" + userId, limit).compose(v -> action.get());
  }
}
