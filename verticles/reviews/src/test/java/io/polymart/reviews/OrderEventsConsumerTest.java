package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import io.polymart.core.mongo.Publishers;
import io.polymart.reviews.ReviewsFixture.Deployment;
import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.polymart.reviews.ReviewsFixture.awaitCaughtUp;
import static io.polymart.reviews.ReviewsFixture.orderStatus;
import static io.polymart.reviews.ReviewsFixture.purchaseOrder;
import static io.polymart.reviews.ReviewsFixture.purchasesByProduct;
import static io.polymart.reviews.ReviewsFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

/** The reviews verticle as a member of the group polymart.reviews: stopped, restarted, doubled, replaying. */
class OrderEventsConsumerTest {

  @Test
  void eventsWrittenWhileTheVerticleIsDownAreProcessedWhenItIsBack() {
    UUID buyer = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    TestOrder order = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
    List<JsonObject> events = order.deliveredEvents();
    Deployment first = ReviewsFixture.deploy(1);
    send(events.get(0));
    awaitCaughtUp();
    first.undeploy();

    send(events.subList(1, events.size()));
    assertThat(ReviewsFixture.lag()).as("nobody reads while the verticle is down").isEqualTo(3);
    Deployment back = ReviewsFixture.deploy(1);
    try {
      awaitCaughtUp();
      assertThat(back.handled()).isEqualTo(3);
      assertThat(purchasesByProduct(buyer).get(product.toString()).getBoolean("eligible")).isTrue();
    } finally {
      back.undeploy();
    }
  }

  @Test
  void twoInstancesShareThePartitionsAndHandleEveryEventOnce() {
    Deployment two = ReviewsFixture.deploy(2);
    try {
      Await.until("both instances with partitions", ReviewsFixture.TIMEOUT, () -> {
        Set<TopicPartition> a = two.instances().get(0).orderEvents().assignment();
        Set<TopicPartition> b = two.instances().get(1).orderEvents().assignment();
        return !a.isEmpty() && !b.isEmpty() && a.size() + b.size() == 3;
      });
      UUID product = UUID.randomUUID();
      List<UUID> buyers = new ArrayList<>();
      List<JsonObject> events = new ArrayList<>();
      // orders until each partition has three, so that each instance has some to handle
      int[] perPartition = new int[3];
      while (Arrays.stream(perPartition).min().orElseThrow() < 3) {
        UUID buyer = UUID.randomUUID();
        TestOrder order = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
        int partition = partition(order.orderId);
        if (perPartition[partition] < 3) {
          perPartition[partition]++;
          buyers.add(buyer);
          events.addAll(order.deliveredEvents());
        }
      }
      send(events);
      awaitCaughtUp();

      assertThat(two.handled()).as("each of the %d events handled once", events.size()).isEqualTo(events.size());
      assertThat(two.instances()).allSatisfy(instance -> assertThat(instance.orderEvents().handled())
          .as("every instance had orders to handle").isPositive());
      for (UUID buyer : buyers) {
        assertThat(purchasesByProduct(buyer).get(product.toString()).getBoolean("eligible")).isTrue();
      }
    } finally {
      two.undeploy();
    }
  }

  @Test
  void replayingTheWholeTopicFromTheStartLeavesTheSameDocuments() {
    UUID buyer = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    TestOrder delivered = new TestOrder(buyer).line(product, UUID.randomUUID(), 1);
    TestOrder refunded = new TestOrder(buyer).line(product, UUID.randomUUID(), 2);
    List<JsonObject> events = new ArrayList<>(delivered.deliveredEvents());
    events.addAll(refunded.deliveredEvents());
    events.add(refunded.moved("OrderRefundRequested", "REFUND_REQUESTED"));
    events.add(refunded.moved("OrderRefunded", "REFUNDED"));
    Deployment first = ReviewsFixture.deploy(1);
    send(events);
    awaitCaughtUp();
    Document before = document(buyer, product);
    List<Document> ordersBefore = List.of(purchaseOrder(delivered.orderId), purchaseOrder(refunded.orderId));
    JsonObject purchaseBefore = purchasesByProduct(buyer).get(product.toString());
    first.undeploy();

    // a new group reads the topic from its start: the consumer keeps no processed-event marks, so the projection's
    // own version check is what keeps the documents as they are
    ReviewsFixture.deleteGroupOffsets();
    Deployment replay = ReviewsFixture.deploy(1);
    try {
      awaitCaughtUp();
      assertThat(replay.handled()).isGreaterThanOrEqualTo(events.size());
      assertThat(document(buyer, product)).isEqualTo(before);
      assertThat(List.of(purchaseOrder(delivered.orderId), purchaseOrder(refunded.orderId))).isEqualTo(ordersBefore);
      assertThat(purchasesByProduct(buyer).get(product.toString())).isEqualTo(purchaseBefore);
    } finally {
      replay.undeploy();
    }
    assertThat(purchaseBefore.getBoolean("eligible")).isTrue();
    assertThat(orderStatus(delivered.orderId)).isEqualTo("DELIVERED");
    assertThat(orderStatus(refunded.orderId)).isEqualTo("REFUNDED");
  }

  /** The partition of polymart.orders the producer's default partitioner gives an order's events. */
  private static int partition(UUID orderId) {
    return Utils.toPositive(Utils.murmur2(orderId.toString().getBytes(StandardCharsets.UTF_8))) % 3;
  }

  private static Document document(UUID buyer, UUID product) {
    return BusTestNode.await(Publishers.first(ReviewsFixture.node().vertx(), ReviewsFixture.database()
        .getCollection(PurchaseRepository.COLLECTION).find(Filters.eq("_id", buyer + ":" + product)).first()));
  }
}
