package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.Paging;
import io.polymart.core.error.ServiceException;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /products/{id}/reviews}: published reviews of one product, optionally of one {@code rating} and only
 * {@code verified} ones, with or without images ({@code withImages}), sorted {@code newest} (default),
 * {@code rating_desc}, {@code rating_asc} or {@code helpful} (by the Wilson lower bound of the helpful votes, see
 * {@link WilsonScore}) (ties newest first, then by id so pages never overlap).
 */
record ReviewQuery(UUID productId, Integer rating, Boolean verified, Boolean withImages, String sort, Paging paging) {
  static final List<String> SORTS = List.of("newest", "rating_desc", "rating_asc", "helpful");

  static ReviewQuery from(BusRequest request) {
    UUID productId = ReviewsBindings.productId(request);
    Integer rating = request.query("rating").map(value -> {
      if (!value.matches("[1-5]")) {
        throw ServiceException.invalidField("rating", "must be a whole number from 1 to 5");
      }
      return Integer.parseInt(value);
    }).orElse(null);
    Boolean verified = flag(request, "verified");
    Boolean withImages = flag(request, "withImages");
    String sort = request.query("sort").orElse("newest");
    if (!SORTS.contains(sort)) {
      throw ServiceException.invalidField("sort", "must be one of " + String.join(", ", SORTS));
    }
    return new ReviewQuery(productId, rating, verified, withImages, sort, Paging.from(request));
  }

  private static Boolean flag(BusRequest request, String name) {
    return request.query(name).map(value -> {
      if (!value.equals("true") && !value.equals("false")) {
        throw ServiceException.invalidField(name, "must be true or false");
      }
      return Boolean.parseBoolean(value);
    }).orElse(null);
  }

  Bson filter() {
    List<Bson> filters = new ArrayList<>(List.of(Filters.eq("productId", productId.toString()),
        Filters.eq("status", ReviewStatus.PUBLISHED.name())));
    Optional.ofNullable(rating).ifPresent(r -> filters.add(Filters.eq("rating", r)));
    Optional.ofNullable(verified).ifPresent(v -> filters.add(Filters.eq("verified", v)));
    Optional.ofNullable(withImages).ifPresent(w -> filters.add(Filters.exists("images.0", w)));
    return Filters.and(filters);
  }

  Bson order() {
    Bson newest = Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id"));
    return switch (sort) {
      case "rating_desc" -> Sorts.orderBy(Sorts.descending("rating"), newest);
      case "rating_asc" -> Sorts.orderBy(Sorts.ascending("rating"), newest);
      case "helpful" -> Sorts.orderBy(Sorts.descending(ReviewVotes.SCORE), newest);
      default -> newest;
    };
  }
}
