package io.polymart.reviews;

import io.polymart.core.error.ServiceException;
import io.polymart.core.events.DomainEvent;
import io.polymart.reviews.ReviewsFixture.Deployment;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.REVIEWS_PURCHASES_LIST;
import static io.polymart.reviews.ReviewsFixture.awaitCaughtUp;
import static io.polymart.reviews.ReviewsFixture.database;
import static io.polymart.reviews.ReviewsFixture.orderStatus;
import static io.polymart.reviews.ReviewsFixture.purchaseOrder;
import static io.polymart.reviews.ReviewsFixture.purchases;
import static io.polymart.reviews.ReviewsFixture.purchasesByProduct;
import static io.polymart.reviews.ReviewsFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Who bought what, learned from polymart.orders events written by a plain producer. */
class PurchaseProjectionTest {
  private static final java.util.concurrent.atomic.AtomicLong OFFSETS = new java.util.concurrent.atomic.AtomicLong();
  private Deployment reviews;

  @BeforeEach
  void deploy() {
    reviews = ReviewsFixture.deploy(1);
  }

  @AfterEach
  void undeploy() {
    reviews.undeploy();
  }

  @Test
  void aDeliveredOrderMakesItsBuyerEligibleForEachOfItsProducts() {
    UUID buyer = UUID.randomUUID();
    UUID shirt = UUID.randomUUID();
    UUID mug = UUID.randomUUID();
    UUID redShirt = UUID.randomUUID();
    UUID blueShirt = UUID.randomUUID();
    UUID mugSku = UUID.randomUUID();
    TestOrder order = new TestOrder(buyer).line(shirt, redShirt, 1).line(mug, mugSku, 2).line(shirt, blueShirt, 1);

    send(order.placed());
    send(order.moved("OrderPaid", "PAID"));
    awaitCaughtUp();
    JsonObject paid = purchasesByProduct(buyer).get(shirt.toString());
    assertThat(paid.getBoolean("eligible")).isFalse();
    assertThat(paid.getJsonArray("skuIds")).isEmpty();
    assertThat(orderStatus(order.orderId)).isEqualTo("PAID");
    assertThat(purchaseOrder(order.orderId).get("products", Document.class))
        .containsEntry(shirt.toString(), sorted(redShirt, blueShirt).getList())
        .containsEntry(mug.toString(), List.of(mugSku.toString()));

    send(order.moved("OrderShipped", "SHIPPED"));
    assertThat(purchasesAfterCatchingUp(buyer).get(shirt.toString()).getBoolean("eligible")).isFalse();
    send(order.moved("OrderDelivered", "DELIVERED"));
    awaitCaughtUp();
    Map<String, JsonObject> delivered = purchasesByProduct(buyer);
    assertThat(delivered).containsOnlyKeys(shirt.toString(), mug.toString());
    assertThat(delivered.get(shirt.toString())).isEqualTo(new JsonObject().put("productId", shirt.toString())
        .put("skuIds", sorted(redShirt, blueShirt)).put("eligible", true));
    assertThat(delivered.get(mug.toString()).getBoolean("eligible")).isTrue();
    assertThat(delivered.get(mug.toString()).getJsonArray("skuIds")).containsExactly(mugSku.toString());

    send(order.moved("OrderCompleted", "COMPLETED"));
    assertThat(purchasesAfterCatchingUp(buyer).get(mug.toString()).getBoolean("eligible")).isTrue();
    // someone else bought nothing
    assertThat(purchases(UUID.randomUUID()).getJsonArray("items")).isEmpty();
  }

  @Test
  void refundedAndCancelledOrdersDoNotQualifyAndARejectedRefundQualifiesAgain() {
    UUID buyer = UUID.randomUUID();
    UUID refundedProduct = UUID.randomUUID();
    UUID cancelledProduct = UUID.randomUUID();
    UUID rejectedProduct = UUID.randomUUID();
    TestOrder refunded = new TestOrder(buyer).line(refundedProduct, UUID.randomUUID(), 1);
    TestOrder cancelled = new TestOrder(buyer).line(cancelledProduct, UUID.randomUUID(), 1);
    TestOrder rejected = new TestOrder(buyer).line(rejectedProduct, UUID.randomUUID(), 1);
    send(refunded.deliveredEvents());
    send(refunded.moved("OrderRefundRequested", "REFUND_REQUESTED"));
    send(refunded.moved("OrderRefunded", "REFUNDED"));
    send(cancelled.placed());
    send(cancelled.moved("OrderCancelled", "CANCELLED"));
    send(rejected.deliveredEvents());
    send(rejected.moved("OrderRefundRequested", "REFUND_REQUESTED"));
    awaitCaughtUp();
    assertThat(purchasesByProduct(buyer).get(rejectedProduct.toString()).getBoolean("eligible")).isFalse();
    send(rejected.moved("OrderRefundRejected", "DELIVERED"));

    Map<String, JsonObject> purchases = purchasesAfterCatchingUp(buyer);
    assertThat(purchases.get(refundedProduct.toString()).getBoolean("eligible")).isFalse();
    assertThat(purchases.get(refundedProduct.toString()).getJsonArray("skuIds")).isEmpty();
    assertThat(orderStatus(refunded.orderId)).isEqualTo("REFUNDED");
    assertThat(purchases.get(cancelledProduct.toString()).getBoolean("eligible")).isFalse();
    assertThat(orderStatus(cancelled.orderId)).isEqualTo("CANCELLED");
    assertThat(purchases.get(rejectedProduct.toString()).getBoolean("eligible")).isTrue();
    assertThat(orderStatus(rejected.orderId)).isEqualTo("DELIVERED");
  }

  @Test
  void aSecondOrderOfTheProductKeepsItsOwnStatus() {
    UUID buyer = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    UUID sku = UUID.randomUUID();
    TestOrder first = new TestOrder(buyer).line(product, sku, 1);
    TestOrder second = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
    send(first.deliveredEvents());
    send(second.deliveredEvents());
    send(second.moved("OrderRefundRequested", "REFUND_REQUESTED"));
    send(second.moved("OrderRefunded", "REFUNDED"));

    JsonObject purchase = purchasesAfterCatchingUp(buyer).get(product.toString());
    assertThat(purchase.getBoolean("eligible")).as("the first order still qualifies").isTrue();
    assertThat(purchase.getJsonArray("skuIds")).containsExactly(sku.toString());
    assertThat(orderStatus(first.orderId)).isEqualTo("DELIVERED");
    assertThat(orderStatus(second.orderId)).isEqualTo("REFUNDED");
  }

  @Test
  void aDuplicateAndAReplayOfTheSameEventsChangeNothing() {
    UUID buyer = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    TestOrder order = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
    List<JsonObject> events = order.deliveredEvents();
    events.add(order.moved("OrderRefundRequested", "REFUND_REQUESTED"));
    events.add(order.moved("OrderRefunded", "REFUNDED"));
    send(events);
    send(events.get(3));  // the relay sent OrderDelivered again after a failed round
    JsonObject before = purchasesAfterCatchingUp(buyer).get(product.toString());
    Document orderBefore = purchaseOrder(order.orderId);
    assertThat(before.getBoolean("eligible")).isFalse();
    long handled = reviews.handled();

    send(events);  // the whole order once more, same event ids
    JsonObject after = purchasesAfterCatchingUp(buyer).get(product.toString());
    assertThat(reviews.handled()).as("handled again").isEqualTo(handled + events.size());
    assertThat(after).isEqualTo(before);
    assertThat(purchaseOrder(order.orderId)).isEqualTo(orderBefore);
    assertThat(orderBefore.getString("status")).isEqualTo("REFUNDED");
  }

  @Test
  void anOlderEventArrivingAfterANewerOneDoesNotRegressTheOrder() {
    UUID buyer = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    TestOrder order = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
    List<JsonObject> events = order.deliveredEvents();
    JsonObject delivered = events.get(3);
    send(events);
    awaitCaughtUp();
    assertThat(orderStatus(order.orderId)).isEqualTo("DELIVERED");

    // a late copy of OrderShipped, under an event id never seen, from before the delivery
    send(TestOrder.at(events.get(2), Instant.parse(delivered.getString("occurredAt")).minusMillis(1)));
    awaitCaughtUp();
    assertThat(orderStatus(order.orderId)).isEqualTo("DELIVERED");

    JsonObject refundedEvent = order.moved("OrderRefundRequested", "REFUND_REQUESTED");
    send(refundedEvent);
    send(order.moved("OrderRefunded", "REFUNDED"));
    // and a late OrderDelivered does not make the refunded order qualify again, nor a late OrderPlaced make it new
    send(TestOrder.at(delivered, Instant.parse(refundedEvent.getString("occurredAt")).minusSeconds(1)));
    send(TestOrder.at(events.get(0), Instant.parse(events.get(0).getString("occurredAt"))));
    JsonObject purchase = purchasesAfterCatchingUp(buyer).get(product.toString());
    assertThat(orderStatus(order.orderId)).isEqualTo("REFUNDED");
    assertThat(purchase.getBoolean("eligible")).isFalse();
  }

  @Test
  void aCopyOfAnEarlierEventSentAgainLaterDoesNotUndoANewerOneOfTheSameMillisecond() {
    UUID buyer = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    TestOrder order = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
    List<JsonObject> events = order.deliveredEvents();
    JsonObject paid = events.get(1);
    // shipped within the millisecond it was paid in: the offset tells the two apart
    JsonObject shipped = TestOrder.at(events.get(2), Instant.parse(paid.getString("occurredAt")));
    send(events.get(0));
    send(paid);
    send(shipped);
    awaitCaughtUp();
    assertThat(orderStatus(order.orderId)).isEqualTo("SHIPPED");

    // the orders' relay sends OrderPaid once more (its broker's acknowledgement was lost): same id, a later offset
    send(paid);
    awaitCaughtUp();
    assertThat(orderStatus(order.orderId)).isEqualTo("SHIPPED");
  }

  @Test
  void anEventWithoutItsBuyerIsParkedAndTheNextOneIsProcessed() {
    UUID buyer = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    TestOrder order = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
    JsonObject placed = order.placed();
    JsonObject broken = order.moved("OrderPaid", "PAID");
    broken.getJsonObject("data").remove("userId");
    long parked = reviews.parked();
    send(placed);
    send(broken);
    send(order.moved("OrderShipped", "SHIPPED"));

    awaitCaughtUp();
    assertThat(orderStatus(order.orderId)).isEqualTo("SHIPPED");
    assertThat(reviews.parked()).isEqualTo(parked + 1);
  }

  @Test
  void aPollTakenTogetherLeavesWhatTakingItsEventsOneByOneLeaves() {
    UUID buyer = UUID.randomUUID();
    UUID shirt = UUID.randomUUID();
    UUID mug = UUID.randomUUID();
    UUID shirtSku = UUID.randomUUID();
    UUID mugSku = UUID.randomUUID();
    TestOrder paid = new TestOrder(buyer).line(shirt, shirtSku, 1).line(mug, mugSku, 1);
    TestOrder placed = new TestOrder(UUID.randomUUID()).line(mug, mugSku, 2);
    TestOrder copied = new TestOrder(UUID.randomUUID()).line(shirt, shirtSku, 1);
    TestOrder delivered = new TestOrder(buyer).line(shirt, shirtSku, 3);
    List<JsonObject> deliveredEvents = delivered.deliveredEvents();
    List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    PurchaseProjection projection = new PurchaseProjection(new PurchaseRepository(ReviewsFixture.node().vertx(),
        database().getCollection(PurchaseRepository.COLLECTION),
        database().getCollection(PurchaseRepository.ORDERS_COLLECTION)), (user, product) -> {
          told.add(product.toString());
          return io.vertx.core.Future.succeededFuture();
        });
    // the delivered order's document is there before its OrderPlaced comes again, in the middle of a run
    BusTestNode.await(projection.handleAll(events(deliveredEvents.subList(1, 4))));
    told.clear();

    JsonObject copiedPlaced = copied.placed();
    BusTestNode.await(projection.handleAll(events(List.of(paid.placed(), placed.placed(), deliveredEvents.get(0),
        paid.moved("OrderPaid", "PAID"), copiedPlaced, TestOrder.at(copiedPlaced, Instant.now())))));

    assertThat(orderStatus(paid.orderId)).isEqualTo("PAID");
    assertThat(orderStatus(placed.orderId)).as("an order only placed has no document yet").isNull();
    assertThat(orderStatus(copied.orderId)).isNull();
    assertThat(orderStatus(delivered.orderId)).as("not taken back by its late OrderPlaced").isEqualTo("DELIVERED");
    Map<String, JsonObject> bought = purchasesByProduct(buyer);
    assertThat(bought).containsOnlyKeys(shirt.toString(), mug.toString());
    assertThat(bought.get(shirt.toString()).getBoolean("eligible")).isTrue();
    assertThat(bought.get(mug.toString()).getBoolean("eligible")).isFalse();
    assertThat(purchasesByProduct(placed.userId)).containsOnlyKeys(mug.toString());
    assertThat(purchasesByProduct(copied.userId)).containsOnlyKeys(shirt.toString());
    // OrderPlaced tells nothing; nor does the OrderPaid that first stored its order, with a status that does not
    // qualify; the delivered order's products were told when it was shipped and delivered
    assertThat(told).isEmpty();
  }

  private static List<DomainEvent> events(List<JsonObject> envelopes) {
    List<DomainEvent> events = new java.util.ArrayList<>();
    for (JsonObject envelope : envelopes) {
      events.add(new DomainEvent(envelope.getString("type"), envelope.getString("id"),
          Instant.parse(envelope.getString("occurredAt")), envelope.getString("aggregateId"),
          envelope.getJsonObject("data"), "polymart.orders", 0, OFFSETS.incrementAndGet()));
    }
    return events;
  }

  @Test
  void theAddressWantsAUserId() {
    ServiceException missing = ReviewsFixture.node().fails(REVIEWS_PURCHASES_LIST, new JsonObject(), new JsonObject(),
        Caller.service());
    assertThat(missing.status()).isEqualTo(400);
    ServiceException notUuid = ReviewsFixture.node().fails(REVIEWS_PURCHASES_LIST, new JsonObject(),
        new JsonObject().put("userId", "../etc"), Caller.service());
    assertThat(notUuid.status()).isEqualTo(400);
  }

  private static Map<String, JsonObject> purchasesAfterCatchingUp(UUID buyer) {
    awaitCaughtUp();
    return purchasesByProduct(buyer);
  }

  private static JsonArray sorted(UUID... skuIds) {
    return new JsonArray(java.util.Arrays.stream(skuIds).map(UUID::toString).sorted().toList());
  }
}
