package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.polymart.testing.TestBackends;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second platform node reading from an embedded streaming replica of the shared PostgreSQL, while the test's
 * writes go through the first node to the primary. Replay on the replica is paused to make it visibly stale: what it
 * serves then shows which reads go to it. A failsafe test: it starts a replica and kills it.
 */
class ReadReplicaIT {
  private static final int MAX_LAG_SECONDS = 8;
  private static Shop shop;
  private static Platform node;
  private static HttpTestClient http;
  private static String replicaUrl;

  @BeforeAll
  static void nodeOnAReplica() throws Exception {
    shop = new Shop();
    replicaUrl = TestBackends.get().startPostgresReplica();
    JsonObject config = TestPlatform.nodeConfig();
    config.getJsonObject("pg").put("replicaUrls", new io.vertx.core.json.JsonArray().add(replicaUrl))
        .put("maxReplicaLagSeconds", MAX_LAG_SECONDS);
    node = Platform.start(config);
    http = new HttpTestClient("http://127.0.0.1:" + config.getJsonObject("http").getInteger("port"))
        .withHeader("X-Forwarded-For", "10.9.9.9");
    awaitReplica("up");
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.stop();
    }
  }

  @Test
  void searchesGoToTheReplicaWhileItKeepsUpAndToThePrimaryWhileItLags() throws Exception {
    Shop.Sku before = shop.stockedSku("9.90", 100);
    String beforeWord = searchWord(before);
    CatalogFixtures.await("the replica has the product", Duration.ofSeconds(20),
        () -> found(http, beforeWord, before));

    pauseReplay();
    try {
      long firstWriteNanos = System.nanoTime();
      Shop.Sku hidden = shop.stockedSku("9.90", 100);
      String hiddenWord = searchWord(hidden);
      // the primary has it; the replica, not replaying, does not, and it still serves this node's searches
      assertThat(found(shop.http, hiddenWord, hidden)).as("found through the primary's node").isTrue();
      assertThat(found(http, hiddenWord, hidden)).as("found through the replica's node").isFalse();
      assertThat(suggested(http, hiddenWord)).isFalse();

      // checkout and addresses never read from the replica: everything just written reads back at once
      Shop.Buyer buyer = shop.buyer();
      Reply order = http.post(API + "/orders").bearer(buyer.token()).header("Idempotency-Key", UUID.randomUUID()
          .toString()).json(Shop.items(hidden, 1).put("addressId", buyer.addressId())).send();
      assertThat(order.status()).as(order.toString()).isEqualTo(201);
      Reply read = http.get(API + "/orders/" + order.json().getString("id")).bearer(buyer.token()).send();
      assertThat(read.status()).as(read.toString()).isEqualTo(200);
      Reply added = http.post(API + "/me/addresses").bearer(buyer.token()).json(new JsonObject()
          .put("receiver", "Han Meimei").put("phone", "13900139000").put("province", "Jiangsu").put("city", "Suzhou")
          .put("district", "Gusu").put("detail", "2 Pingjiang Road").put("postalCode", "215000")).send();
      assertThat(added.status()).as(added.toString()).isEqualTo(201);
      assertThat(http.get(API + "/me/addresses").bearer(buyer.token()).send().text())
          .contains(added.json().getString("id"));

      // order lists come from the replica, except the buyer's own right after their order (read-your-writes)
      String orderId = order.json().getString("id");
      assertThat(http.get(API + "/orders").bearer(buyer.token()).send().text()).contains(orderId);
      String admin = shop.admin().accessToken();
      assertThat(http.get(API + "/admin/orders?size=5").bearer(admin).send().text()).doesNotContain(orderId);
      assertThat(shop.http.get(API + "/admin/orders?size=5").bearer(admin).send().text()).contains(orderId);

      // product pages missing from the cache come from the replica too, except for the seller who just changed it
      Reply priced = http.put(API + "/skus/" + before.skuId() + "/price").bearer(shop.seller().accessToken())
          .json(new JsonObject().put("price", "8.80")).send();
      assertThat(priced.status()).as(priced.toString()).isEqualTo(200);
      Reply shopper = http.get(API + "/products/" + before.productId()).send();
      assertThat(shopper.status()).as(shopper.toString()).isEqualTo(200);
      assertThat(shopper.text()).contains("\"9.90\"").doesNotContain("\"8.80\"");
      Reply seller = http.get(API + "/products/" + before.productId()).bearer(shop.seller().accessToken()).send();
      assertThat(seller.text()).contains("\"8.80\"");
      assertThat(http.get(API + "/products/" + hidden.productId()).send().status())
          .as("a product the replica does not have yet").isEqualTo(404);

      // past the lag limit the replica is skipped: the same node finds the product through the primary
      awaitReplica("lagging");
      long laggingNanos = System.nanoTime();
      CatalogFixtures.await("searched on the primary", Duration.ofSeconds(20),
          () -> found(http, hiddenWord, hidden));
      System.out.printf("Paused replica: skipped %.1f s after the first write it missed (limit %d s); searches found "
              + "the product through the primary %.1f s after that%n", (laggingNanos - firstWriteNanos) / 1e9,
          MAX_LAG_SECONDS, (System.nanoTime() - laggingNanos) / 1e9);
    } finally {
      resumeReplay();
    }
    awaitReplica("up");

    // caught up, it takes the searches again: each catalog instance learns it from its own check, up to a second after
    // /ready's. A product made since the pause is then missing from the node's searches; well within the lag limit, a
    // search that found one went to the primary. Each try makes a new product: a search's answer is kept until the
    // next catalog change.
    pauseReplay();
    try {
      CatalogFixtures.await("searches through the replica again", Duration.ofSeconds(MAX_LAG_SECONDS / 2), () -> {
        Shop.Sku later = shop.stockedSku("9.90", 100);
        return !found(http, searchWord(later), later);
      });
    } finally {
      resumeReplay();
    }
  }

  @Test
  void aReplicaKilledUnderSearchesFailsNoRequest() throws Exception {
    awaitReplica("up");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger answered = new AtomicInteger();
    AtomicLong slowestAfterKillNanos = new AtomicLong();
    AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
    ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<?>> running = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        running.add(threads.submit(() -> {
          while (!stop.get()) {
            // a new query each time, so that each one reaches the database
            long started = System.nanoTime();
            Reply reply = http.get(API + "/products?q=" + CatalogFixtures.word(8)).send();
            if (started >= killedAt.get() - 1_000_000_000L) {
              slowestAfterKillNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
            }
            answered.incrementAndGet();
            if (reply.status() != 200) {
              failed.add(reply.toString());
            }
          }
        }));
      }
      CatalogFixtures.await("searches running", Duration.ofSeconds(10), () -> answered.get() > 20);
      long pid = TestBackends.get().postgresReplicaPid(0).orElseThrow();
      killedAt.set(System.nanoTime());
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      int atKill = answered.get();
      CatalogFixtures.await("searches after the kill", Duration.ofSeconds(20), () -> answered.get() > atKill + 50);
      awaitReplica("up"); // restarted by the backends' supervisor, and found fit again by the check
      int atRestart = answered.get();
      CatalogFixtures.await("searches after the restart", Duration.ofSeconds(20),
          () -> answered.get() > atRestart + 20);
    } finally {
      stop.set(true);
      for (Future<?> thread : running) {
        thread.get(30, TimeUnit.SECONDS);
      }
      threads.shutdownNow();
    }
    System.out.printf("Replica killed under searches: %d answered, %d failed, the slowest from a second before the "
        + "kill on %d ms%n", answered.get(), failed.size(), slowestAfterKillNanos.get() / 1_000_000);
    assertThat(failed).as("searches that did not answer 200").isEmpty();
  }

  /** The random word that names the SKU's product (its name is "Item <word>"). */
  private static String searchWord(Shop.Sku sku) {
    Reply product = shop.http.get(API + "/products/" + sku.productId()).send();
    assertThat(product.status()).as(product.toString()).isEqualTo(200);
    return product.json().getString("name").substring("Item ".length());
  }

  private static boolean found(HttpTestClient client, String word, Shop.Sku sku) {
    Reply reply = client.get(API + "/products?q=" + word).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.text().contains(sku.productId());
  }

  private static boolean suggested(HttpTestClient client, String word) {
    Reply reply = client.get(API + "/search/suggest?q=" + word).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.text().toLowerCase().contains(word.toLowerCase());
  }

  private static void awaitReplica(String status) {
    CatalogFixtures.await("replica " + status + " in /ready", Duration.ofSeconds(30), () -> {
      JsonObject ready = http.get("/ready").send().json();
      return ready.getJsonArray("replicas").getJsonObject(0).getString("status").equals(status);
    });
  }

  private static void pauseReplay() throws SQLException {
    asSuperuser("SELECT pg_wal_replay_pause()");
  }

  private static void resumeReplay() throws SQLException {
    asSuperuser("SELECT pg_wal_replay_resume()");
  }

  private static void asSuperuser(String sql) throws SQLException {
    URI uri = URI.create(replicaUrl);
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort()
        + "/postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
