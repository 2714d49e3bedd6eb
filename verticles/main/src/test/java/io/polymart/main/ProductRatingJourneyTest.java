package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: a ProductRatingChanged on polymart.reviews (written here as the reviews' relay would) reaches the
 * product page and search's sort=rating through the gateway within seconds; prints how long it took.
 */
class ProductRatingJourneyTest {
  private static final Duration WITHIN = Duration.ofSeconds(15);
  private final CatalogFixtures fx = new CatalogFixtures();

  @Test
  void theProductPageAndSortByRatingFollowTheReviewsRatingEvents() throws Exception {
    Users.Session seller = fx.seller();
    String category = fx.ownCategory("rated").getString("id");
    String first = fx.publishedProduct(seller, "Rated " + CatalogFixtures.word(6), category, "10.00").getString("id");
    String second = fx.publishedProduct(seller, "Rated " + CatalogFixtures.word(6), category, "10.00").getString("id");
    assertThat(fx.getProduct(first, null).header("X-Cache")).isEqualTo("MISS");
    assertThat(fx.getProduct(first, null).header("X-Cache")).isEqualTo("HIT");

    List<Long> millis = new ArrayList<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestPlatform.config().getJsonObject("kafka").getString("bootstrapServers"), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer())) {
      millis.add(publishAndAwait(producer, second, 2, 3.5));
      // the first product's ratings go up review by review; the page follows each one
      for (int count = 1; count <= 5; count++) {
        millis.add(publishAndAwait(producer, first, count, count == 1 ? 4 : 4.2));
      }
    }
    millis.sort(Long::compare);
    System.out.printf("ProductRatingChanged to product page through the gateway: median %d ms, max %d ms (%d changes)%n",
        millis.get(millis.size() / 2), millis.get(millis.size() - 1), millis.size());

    Reply sorted = fx.http.get(API + "/products?category=" + category + "&sort=rating").send();
    assertThat(sorted.status()).as(sorted.toString()).isEqualTo(200);
    assertThat(CatalogFixtures.ids(sorted.json().getJsonArray("items"))).containsExactly(first, second);
    JsonObject top = sorted.json().getJsonArray("items").getJsonObject(0).getJsonObject("rating");
    assertThat(top.getNumber("average").doubleValue()).isEqualTo(4.2);
    assertThat(top.getLong("count")).isEqualTo(5L);
  }

  /** Publishes the product's new rating and waits until its page shows it; the milliseconds that took. */
  private long publishAndAwait(KafkaProducer<String, String> producer, String productId, int count, double average)
      throws Exception {
    JsonObject histogram = new JsonObject().put("1", 0).put("2", 0).put("3", 0).put("4", count).put("5", 0);
    JsonObject event = new JsonObject().put("type", "ProductRatingChanged").put("id", UUID.randomUUID().toString())
        .put("occurredAt", Instant.now().toString()).put("aggregateId", productId)
        .put("data", new JsonObject().put("productId", productId).put("count", count).put("average", average)
            .put("histogram", histogram));
    long start = System.nanoTime();
    producer.send(new ProducerRecord<>("polymart.reviews", productId, event.encode())).get(10, TimeUnit.SECONDS);
    CatalogFixtures.await(productId + " rated " + average + " by " + count, WITHIN, () -> {
      JsonObject rating = fx.getProduct(productId, null).json().getJsonObject("rating");
      return rating.getLong("count") == count && rating.getNumber("average").doubleValue() == average;
    });
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
