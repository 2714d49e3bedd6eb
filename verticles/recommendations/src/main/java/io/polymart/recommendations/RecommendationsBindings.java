package io.polymart.recommendations;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.VisitorIdFormat;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.BusServer;
import io.polymart.core.error.ServiceException;
import io.polymart.recommendations.RecommendationService.ItemType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.RECS_FOR_YOU;
import static io.polymart.core.bus.Addresses.RECS_PRODUCT;
import static io.polymart.core.bus.Addresses.RECS_TRENDING;

/** The recommendations verticle's addresses: each request's envelope read into the service's typed arguments. */
final class RecommendationsBindings {
  static final int DEFAULT_SIZE = 10;
  static final int MAX_SIZE = 50;
  /** The delivery header the gateway copies {@code X-Visitor-Id} into. */
  static final String VISITOR_HEADER = BusHeaders.VISITOR_ID;
  private final RecommendationService service;

  RecommendationsBindings(RecommendationService service) {
    this.service = service;
  }

  BusServer bind(BusServer server) {
    return server
        .handle(RECS_PRODUCT, request -> {
          String productId = productId(request);
          ItemType type = type(request);
          return service.forProduct(productId, type, size(request));
        })
        .handle(RECS_FOR_YOU, request -> {
          List<Shopper> shoppers = new ArrayList<>();
          if (request.optionalUserId() != null) {
            shoppers.add(Shopper.user(request.optionalUserId()));
          }
          visitorId(request).ifPresent(visitor -> shoppers.add(Shopper.visitor(visitor)));
          return service.forYou(shoppers, size(request));
        })
        .handle(RECS_TRENDING, request -> {
          TrendingWindow window = window(request);
          String category = request.query("category").map(RecommendationsBindings::category).orElse(null);
          return service.trending(category, window, size(request));
        });
  }

  /** {@code size}: a whole number from 1 to {@value #MAX_SIZE}, {@value #DEFAULT_SIZE} when absent. */
  static int size(BusRequest request) {
    return request.query("size").map(value -> {
      // ASCII digits only: Integer.parseInt would take "+5" and other scripts' digits too
      if (value.matches("[0-9]{1,3}")) {
        int size = Integer.parseInt(value);
        if (size >= 1 && size <= MAX_SIZE) {
          return size;
        }
      }
      throw ServiceException.invalidField("size", "must be a whole number from 1 to " + MAX_SIZE);
    }).orElse(DEFAULT_SIZE);
  }

  private static ItemType type(BusRequest request) {
    String value = request.query("type").orElseThrow(() -> ServiceException.invalidField("type", "is required"));
    ItemType type = ItemType.parse(value);
    if (type == null) {
      throw ServiceException.invalidField("type", "must be bought-together, viewed-together or similar");
    }
    return type;
  }

  private static TrendingWindow window(BusRequest request) {
    return request.query("window").map(value -> {
      TrendingWindow window = TrendingWindow.parse(value);
      if (window == null) {
        throw ServiceException.invalidField("window", "must be day or week");
      }
      return window;
    }).orElse(TrendingWindow.DAY);
  }

  private static String category(String value) {
    return canonicalUuid(value).orElseThrow(() -> ServiceException.invalidField("category", "must be a UUID"));
  }

  /** The product of the path; a value that is not a canonical UUID names no product (404). */
  private static String productId(BusRequest request) {
    return canonicalUuid(request.param("id")).orElseThrow(() -> ServiceException.notFound("Product not found"));
  }

  private static Optional<String> visitorId(BusRequest request) {
    return request.header(VISITOR_HEADER).filter(value -> !value.isEmpty()).map(value -> {
      if (!VisitorIdFormat.wellFormed(value)) {
        throw ServiceException.invalidField("X-Visitor-Id", VisitorIdFormat.FORM);
      }
      return value;
    });
  }

  private static Optional<String> canonicalUuid(String value) {
    try {
      UUID id = UUID.fromString(value);
      return id.toString().equalsIgnoreCase(value) ? Optional.of(id.toString()) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
