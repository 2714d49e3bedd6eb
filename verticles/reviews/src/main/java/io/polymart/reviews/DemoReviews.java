package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.polymart.core.bus.Addresses;
import io.polymart.core.client.BusCaller;
import io.polymart.core.client.BusClient;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives the demo shop ({@code reviews.demo.enabled}, set by {@code --demo}) reviews and votes, written through the
 * buyers' own code path: each demo reviewer's purchase enters the purchase projection as a delivered demo order,
 * then {@link ReviewService#create} writes the review (verified, so published at once with {@code autoPublish}) and
 * {@link ReviewVotes} casts the votes on the published ones. The rating stats, the rating events and the catalog's ratings follow as for
 * any review.
 *
 * <p>Products are read from the catalog over the bus while its demo loader adds them, in passes a few seconds apart,
 * until passes stop finding anything new. Every step is idempotent (a second review is REVIEW_EXISTS, a repeated vote
 * changes nothing), and a product is marked done in {@code review_demo_products}, so restarts only add what is
 * missing. One instance seeds at a time, across nodes (a cluster-wide lock).
 */
final class DemoReviews {
  private static final Logger LOG = LoggerFactory.getLogger(DemoReviews.class);
  private static final String LOCK = "polymart.reviews.demo";
  static final long PASS_INTERVAL_MS = 3_000;
  /** How the demo catalog's slugs begin. */
  private static final String DEMO_SLUG_PREFIX = "demo-";
  /** Passes in a row that find no new product before seeding stops. */
  private static final int IDLE_PASSES = 10;
  /** When the demo orders were "delivered": fixed, so every start records the same purchase. */
  private static final Instant DELIVERED_AT = Instant.parse("2026-01-01T00:00:00Z");
  private final Vertx vertx;
  private final BusClient bus;
  private final DemoProductsDone done;
  private final PurchaseRepository purchases;
  private final ReviewService reviews;
  private final ReviewRepository stored;
  private final ReviewVotes votes;
  private int idlePasses;
  private boolean stopped;

  DemoReviews(Vertx vertx, BusClient bus, DemoProductsDone done, PurchaseRepository purchases, ReviewService reviews,
      ReviewRepository stored, ReviewVotes votes) {
    this.vertx = vertx;
    this.bus = bus;
    this.done = done;
    this.purchases = purchases;
    this.reviews = reviews;
    this.stored = stored;
    this.votes = votes;
  }

  /** Starts seeding in the background when no other instance is; the verticle's start does not wait for it. */
  void start() {
    vertx.sharedData().getLockWithTimeout(LOCK, 1_000).onSuccess(lock -> {
      LOG.info("Writing the demo shop's reviews as its products appear");
      schedule(lock, 0);
    });
  }

  void stop() {
    stopped = true;
  }

  private void schedule(Lock lock, long delay) {
    if (stopped) {
      lock.release();
      return;
    }
    Runnable pass = () -> pass().onComplete(seeded -> {
      if (seeded.failed()) {
        LOG.warn("A demo reviews pass failed, retrying: {}", seeded.cause().toString());
      }
      idlePasses = seeded.succeeded() && seeded.result() == 0 ? idlePasses + 1 : 0;
      if (idlePasses >= IDLE_PASSES) {
        LOG.info("Demo reviews written");
        lock.release();
      } else {
        schedule(lock, PASS_INTERVAL_MS);
      }
    });
    if (delay == 0) {
      pass.run();
    } else {
      vertx.setTimer(delay, t -> pass.run());
    }
  }

  /** Seeds every listed product not done yet, one at a time; completes with how many it seeded. */
  Future<Integer> pass() {
    return listProducts(1, new ArrayList<>()).compose(done::notDone).compose(todo -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (UUID productId : todo) {
        chain = chain.compose(n -> stopped ? Future.succeededFuture(n) : seed(productId).map(v -> n + 1));
      }
      return chain;
    });
  }

  private Future<List<UUID>> listProducts(int page, List<UUID> found) {
    JsonObject query = new JsonObject().put("page", String.valueOf(page)).put("size", "100")
        .put("sort", "newest");
    return bus.send(Addresses.CATALOG_PRODUCTS_SEARCH, new JsonObject(), query, new JsonObject(), BusCaller.NONE)
        .compose(reply -> {
          JsonArray items = reply.body().getJsonArray("items");
          items.forEach(item -> found.add(UUID.fromString(((JsonObject) item).getString("id"))));
          return items.size() < 100 ? Future.succeededFuture(found) : listProducts(page + 1, found);
        });
  }

  private Future<Void> seed(UUID productId) {
    return bus.send(Addresses.CATALOG_PRODUCT_GET, new JsonObject().put("id", productId.toString()),
            new JsonObject(), new JsonObject(), BusCaller.NONE)
        .compose(reply -> {
          List<UUID> skuIds = new ArrayList<>();
          JsonArray skus = reply.body().getJsonArray("skus", new JsonArray());
          skus.forEach(sku -> skuIds.add(UUID.fromString(((JsonObject) sku).getString("id"))));
          String slug = reply.body().getString("slug", "");
          // only the demo catalog's own products: not what a seller adds to the demo shop
          DemoReviewPlan plan = slug.startsWith(DEMO_SLUG_PREFIX) ? DemoReviewPlan.of(productId, slug, skuIds)
              : new DemoReviewPlan(productId, List.of());
          Future<Void> chain = Future.succeededFuture();
          for (DemoReviewPlan.PlannedReview review : plan.reviews()) {
            chain = chain.compose(v -> write(productId, review));
          }
          return chain;
        })
        .compose(v -> done.mark(productId));
  }

  private Future<Void> write(UUID productId, DemoReviewPlan.PlannedReview planned) {
    UUID orderId = UUID.nameUUIDFromBytes(("polymart-demo-order-" + planned.reviewer() + productId)
        .getBytes(StandardCharsets.UTF_8));
    OrderChange delivered = new OrderChange(orderId, planned.reviewer(), "DELIVERED",
        new OrderChange.EventVersion(null, DELIVERED_AT, 0), Map.of(productId, List.of(planned.skuId())));
    ReviewInput input = new ReviewInput(planned.skuId(), planned.rating(), planned.title(), planned.body(),
        List.of());
    return purchases.record(delivered).compose(recorded -> purchases.settle(recorded.order()))
        .compose(v -> reviews.create(planned.reviewer(), productId, input)
            .recover(e -> e instanceof ServiceException s && "REVIEW_EXISTS".equals(s.code())
                ? written(planned.reviewer(), productId) : Future.failedFuture(e)))
        .compose(review -> !ReviewStatus.PUBLISHED.name().equals(review.getString("status"))
            ? Future.succeededFuture()
            : vote(review.getString("id"), planned.helpfulVoters(), true)
                .compose(v -> vote(review.getString("id"), planned.unhelpfulVoters(), false)));
  }

  /** The review a reviewer already wrote, as its author sees it. */
  private Future<JsonObject> written(UUID reviewer, UUID productId) {
    return stored.find(Filters.and(Filters.eq("userId", reviewer.toString()),
            Filters.eq("productId", productId.toString())), Sorts.ascending("_id"), 0, 1)
        .map(found -> ReviewJson.withStatus(found.get(0)));
  }

  private Future<Void> vote(String reviewId, List<UUID> voters, boolean helpful) {
    List<Future<?>> cast = new ArrayList<>();
    voters.forEach(voter -> cast.add(votes.vote(voter, reviewId, helpful)));
    return Future.all(cast).mapEmpty();
  }
}
