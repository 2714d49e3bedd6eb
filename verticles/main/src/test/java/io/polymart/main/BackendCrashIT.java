package io.polymart.main;

import io.polymart.backends.Backend;
import io.polymart.testing.HttpTestClient.Reply;
import io.polymart.testing.TestBackends;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes of the embedded PostgreSQL and Redis (SIGKILL) under a small steady load of shoppers (search, suggestions,
 * add to cart, checkout, payment), on the whole platform.
 * Every order answered 201 exists afterwards, no stock stays reserved for an order that does not exist, every
 * payment the provider accepted ends PAID, requests during the outage are 503 with Retry-After (never 500), and the
 * platform recovers by itself. A failsafe test: it runs in a JVM of its own, so its crashes disturb no other test.
 */
class BackendCrashIT {
  private static final int BUYERS = 4;
  private static final int STOCK = 100_000;
  private static final Duration BEFORE_CRASH = Duration.ofSeconds(3);
  private static final Duration AFTER_RECOVERY = Duration.ofSeconds(3);
  private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
  private static Shop shop;

  @BeforeAll
  static void platform() {
    shop = new Shop();
  }

  @Test
  void aPostgresCrashUnderCheckoutLoadLosesNoAcknowledgedOrderAndNoStock() throws Exception {
    Load load = runLoadAround(Backend.POSTGRES);
    load.report("PostgreSQL");
    load.assertOutageAnswersWere503();
    load.assertNothingAcknowledgedWasLost();
  }

  @Test
  void aRedisCrashUnderLoadAnswers503AtWorstAndRecovers() throws Exception {
    Load load = runLoadAround(Backend.REDIS);
    load.report("Redis");
    load.assertOutageAnswersWere503();
    load.assertNothingAcknowledgedWasLost();
  }

  private static Load runLoadAround(Backend backend) throws Exception {
    Shop.Sku sku = shop.stockedSku("12.50", STOCK);
    List<Shop.Buyer> buyers = new ArrayList<>();
    for (int i = 0; i < BUYERS; i++) {
      buyers.add(shop.buyer());
    }
    Load load = new Load(sku, buyers);
    ExecutorService threads = Executors.newFixedThreadPool(BUYERS);
    try {
      List<Future<?>> running = new ArrayList<>();
      buyers.forEach(buyer -> running.add(threads.submit(() -> load.shop(buyer))));
      Thread.sleep(BEFORE_CRASH.toMillis());
      load.crashedAt.set(System.nanoTime());
      long pid = TestBackends.crash(backend);
      long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
      while (TestBackends.get().pid(backend).filter(restarted -> restarted != pid).isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      load.restartedAt.set(System.nanoTime());
      assertThat(TestBackends.get().pid(backend)).as("restarted as a new process").isPresent()
          .get().isNotEqualTo(pid);
      while (load.recoveredAt.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(load.recoveredAt.get()).as(backend + " recovered within " + RECOVERY_LIMIT).isPositive();
      Thread.sleep(AFTER_RECOVERY.toMillis());
      load.stop.set(true);
      for (Future<?> thread : running) {
        thread.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    return load;
  }

  /** Buyers placing one-unit orders in a loop and paying every third one, with every answer counted. */
  private static final class Load {
    final Shop.Sku sku;
    final List<Shop.Buyer> buyers;
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong crashedAt = new AtomicLong();
    final AtomicLong restartedAt = new AtomicLong();
    final AtomicLong recoveredAt = new AtomicLong();
    final Map<String, Shop.Buyer> acknowledged = new ConcurrentHashMap<>();
    final Set<String> paid = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> answers = new ConcurrentHashMap<>();
    final Map<String, Integer> outageAnswers = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> badAnswers = new ConcurrentLinkedQueue<>();
    final int stockBefore;

    Load(Shop.Sku sku, List<Shop.Buyer> buyers) {
      this.sku = sku;
      this.buyers = buyers;
      this.stockBefore = shop.available(sku);
    }

    void shop(Shop.Buyer buyer) {
      int placed = 0;
      while (!stop.get()) {
        long startedAt = System.nanoTime();
        // the cart lives in Redis; the checkout leaves it again, since it buys that line
        Reply added = shop.addToCart(buyer, sku, 1);
        count("POST /cart/items", added);
        count("GET /products", shop.http.get(API + "/products?q=item&sort=price_asc").send());
        count("GET /search/suggest", shop.http.get(API + "/search/suggest?q=ite").send());
        Reply order = shop.placeOrder(buyer, UUID.randomUUID().toString(), Shop.items(sku, 1));
        count("POST /orders", order);
        if (order.status() != 201) {
          if (added.status() / 100 == 2) {
            // the line stays when the checkout fails: take it out again, or a cart that the catalog's caches keep
            // filling during a PostgreSQL outage reaches its quantity limit (422) within the outage
            count("DELETE /cart/items/{skuId}", shop.http.delete(API + "/cart/items/" + sku.skuId())
                .bearer(buyer.token()).send());
          }
          continue;
        }
        String orderId = order.json().getString("id");
        acknowledged.put(orderId, buyer);
        if (added.status() / 100 == 2 && restartedAt.get() != 0 && startedAt > restartedAt.get()) {
          recoveredAt.compareAndSet(0, System.nanoTime());
        }
        if (++placed % 3 == 0) {
          Reply payment = shop.pay(buyer, orderId, "success", null);
          count("POST /orders/{id}/pay", payment);
          if (payment.status() == 201) {
            paid.add(orderId);
          }
        }
      }
    }

    private void count(String operation, Reply reply) {
      String key = operation + " " + reply.status();
      answers.merge(key, 1, Integer::sum);
      boolean duringOutage = crashedAt.get() != 0 && recoveredAt.get() == 0;
      if (duringOutage) {
        outageAnswers.merge(key, 1, Integer::sum);
      }
      if (reply.status() >= 500 && (reply.status() != 503 || reply.header("Retry-After") == null)) {
        badAnswers.add(key + " " + reply.text());
      } else if (reply.status() / 100 != 2 && reply.status() != 503) {
        badAnswers.add(key + " " + reply.text());
      }
    }

    void report(String backend) {
      System.out.printf("%s crash: %d orders acknowledged, %d payments accepted, recovery %d ms after SIGKILL;"
              + " answers %s; during the outage %s%n", backend, acknowledged.size(), paid.size(),
          (recoveredAt.get() - crashedAt.get()) / 1_000_000, new TreeMap<>(answers), new TreeMap<>(outageAnswers));
    }

    void assertOutageAnswersWere503() {
      assertThat(badAnswers).as("answers other than 201, or 503 with Retry-After").isEmpty();
    }

    void assertNothingAcknowledgedWasLost() {
      acknowledged.forEach((orderId, buyer) -> {
        Reply order = shop.http.get(API + "/orders/" + orderId).bearer(buyer.token()).send();
        assertThat(order.status()).as("acknowledged order " + orderId + ": " + order).isEqualTo(200);
      });
      long ordersOfBuyers = buyers.stream().mapToLong(buyer -> shop.http.get(API + "/orders?size=1")
          .bearer(buyer.token()).send().json().getLong("total")).sum();
      // an order committed just as the crash cut its answer off exists without having been acknowledged
      assertThat(ordersOfBuyers).as("orders that exist").isGreaterThanOrEqualTo(acknowledged.size());
      // a checkout that failed after reserving gives its stock back once the backends answer again
      CatalogFixtures.await("stock reserved only by existing orders", Duration.ofSeconds(30),
          () -> shop.available(sku) == stockBefore - ordersOfBuyers);
      for (String orderId : paid) {
        shop.awaitStatus(acknowledged.get(orderId), orderId, "PAID");
      }
    }
  }
}
