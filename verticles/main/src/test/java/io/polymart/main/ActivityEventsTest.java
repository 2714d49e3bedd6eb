package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: shoppers' activity on polymart.activity, published by the catalog (product pages), the cart (adds) and
 * the users verticle (sign-ins with a visitor id), with the visitor id the gateway takes from X-Visitor-Id or the
 * pm_vid cookie.
 */
class ActivityEventsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Shop shop = new Shop();

  @Test
  void productPagesServedToAVisitorOrAUserArePublishedAsViewsCacheHitsIncluded() {
    Shop.Sku sku = shop.stockedSku("9.90", 5);
    String visitor = visitorId();
    Shop.Buyer user = shop.buyer();

    Reply miss = viewAsVisitor(sku.productId(), visitor);
    Reply hit = viewAsVisitor(sku.productId(), visitor);
    Reply anonymous = shop.http.get(API + "/products/" + sku.productId()).send();
    Reply byUser = shop.http.get(API + "/products/" + sku.productId()).bearer(user.token()).send();

    assertThat(List.of(miss.status(), hit.status(), anonymous.status(), byUser.status())).containsOnly(200);
    assertThat(miss.header("X-Cache")).isEqualTo("MISS");
    assertThat(hit.header("X-Cache")).isEqualTo("HIT");
    assertThat(byUser.header("X-Cache")).isEqualTo("HIT");
    // the anonymous page, with neither a user nor a visitor id, is nobody's view; each shopper's views are in order
    // on the shopper's partition, the two shoppers' on two partitions maybe, so in no order between them
    String userId = user.session().userId();
    List<JsonObject> views = eventsOf(sku.productId(), read -> of(read, "visitorId", visitor).size() == 2
        && of(read, "userId", userId).size() == 1);
    assertThat(views).extracting(e -> e.getString("type")).containsOnly("ProductViewed");
    assertThat(views).hasSize(3);
    assertThat(of(views, "visitorId", visitor)).extracting(e -> e.getJsonObject("data").getString("userId"))
        .containsExactly(null, null);
    assertThat(of(views, "userId", userId)).extracting(e -> e.getJsonObject("data").getString("visitorId"))
        .containsExactly((String) null);
    for (JsonObject view : views) {
      assertThat(view.getString("aggregateId")).isEqualTo(sku.productId());
      assertThat(view.getJsonObject("data").getString("productId")).isEqualTo(sku.productId());
      assertThat(view.getJsonObject("data").getString("at")).isNotBlank();
    }
  }

  @Test
  void onlyActiveProductsAreViewed() {
    JsonObject draft = shop.fx.createProduct(shop.seller(), CatalogFixtures.product("Draft " + CatalogFixtures.word(6),
        shop.fx.ownCategory("drafts").getString("id"), null, null,
        CatalogFixtures.sku("DRAFT-" + CatalogFixtures.word(8), "4.00", Map.of("size", "S"), 3)));
    String id = draft.getString("id");
    String sellersVisitor = visitorId();
    Reply sellersOwnDraft = shop.http.get(API + "/products/" + id).bearer(shop.seller().accessToken())
        .header("X-Visitor-Id", sellersVisitor).send();
    assertThat(sellersOwnDraft.status()).as(sellersOwnDraft.toString()).isEqualTo(200);
    shop.fx.publish(shop.seller(), id);
    String visitor = visitorId();
    assertThat(viewAsVisitor(id, visitor).status()).isEqualTo(200);

    List<JsonObject> views = eventsOf(id, read -> read.stream()
        .anyMatch(e -> visitor.equals(e.getJsonObject("data").getString("visitorId"))));
    assertThat(views).hasSize(1);
  }

  @Test
  void addsToTheCartArePublishedForUsersAndForVisitors() {
    Shop.Sku sku = shop.stockedSku("12.00", 20);
    Shop.Buyer user = shop.buyer();
    String visitor = visitorId();
    Reply byUser = shop.http.post(API + "/cart/items").bearer(user.token()).header("X-Visitor-Id", visitorId())
        .json(new JsonObject().put("skuId", sku.skuId()).put("quantity", 2)).send();
    Reply byGuest = shop.http.post(API + "/cart/items").header("X-Visitor-Id", visitor)
        .json(new JsonObject().put("skuId", sku.skuId()).put("quantity", 3)).send();
    assertThat(byUser.status()).as(byUser.toString()).isEqualTo(200);
    assertThat(byGuest.status()).as(byGuest.toString()).isEqualTo(200);

    List<JsonObject> adds = eventsOf(sku.productId(), read -> read.stream()
        .filter(e -> "CartItemAdded".equals(e.getString("type"))).count() == 2).stream()
        .filter(e -> "CartItemAdded".equals(e.getString("type"))).toList();
    assertThat(adds).hasSize(2);
    JsonObject userAdd = of(adds, "userId", user.session().userId()).get(0).getJsonObject("data");
    assertThat(userAdd.containsKey("visitorId")).isFalse();
    assertThat(userAdd.getString("skuId")).isEqualTo(sku.skuId());
    assertThat(userAdd.getInteger("quantity")).isEqualTo(2);
    JsonObject guestAdd = of(adds, "visitorId", visitor).get(0).getJsonObject("data");
    assertThat(guestAdd.containsKey("userId")).isFalse();
    assertThat(guestAdd.getString("productId")).isEqualTo(sku.productId());
    assertThat(guestAdd.getInteger("quantity")).isEqualTo(3);
  }

  @Test
  void aLoginOrRegistrationWithAVisitorIdPublishesVisitorSignedIn() {
    String registeredAs = visitorId();
    String email = TestPlatform.uniqueEmail("visitor");
    Reply registered = shop.http.post("/api/v1/auth/register").header("X-Visitor-Id", registeredAs)
        .json(Users.registration(email)).send();
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String userId = registered.json().getJsonObject("user").getString("id");
    // the cookie the storefront will set; the header wins over it
    String fromCookie = visitorId();
    Reply byCookie = login(email).header("Cookie", "pm_vid=" + fromCookie).send();
    String fromHeader = visitorId();
    Reply both = login(email).header("Cookie", "pm_vid=" + visitorId()).header("X-Visitor-Id", fromHeader).send();
    Reply without = login(email).send();
    assertThat(List.of(byCookie.status(), both.status(), without.status())).containsOnly(200);

    // a sign-in is on its visitor's partition: three visitors, so in no particular order between them
    List<String> visitors = List.of(registeredAs, fromCookie, fromHeader);
    List<JsonObject> signIns = eventsOf(userId, read -> read.stream()
        .filter(e -> visitors.contains(e.getJsonObject("data").getString("visitorId"))).count() == 3);
    assertThat(signIns).extracting(e -> e.getString("type")).containsOnly("VisitorSignedIn");
    assertThat(signIns).extracting(e -> e.getJsonObject("data").getString("visitorId"))
        .containsExactlyInAnyOrderElementsOf(visitors);
    assertThat(signIns).extracting(e -> e.getJsonObject("data").getString("userId")).containsOnly(userId);
  }

  @Test
  void aMalformedVisitorIdIsRefusedWhereItIsRead() {
    Shop.Sku sku = shop.stockedSku("3.00", 5);
    for (String bad : List.of("short", "x".repeat(65), "has space-1234", "ümlaut-12345")) {
      Reply page = shop.http.get(API + "/products/" + sku.productId()).header("X-Visitor-Id", bad).send();
      assertThat(page.status()).as(bad + ": " + page).isEqualTo(400);
      assertThat(page.errorCode()).isEqualTo("VALIDATION_FAILED");
      assertThat(field(page)).isEqualTo("X-Visitor-Id");
    }
    Reply cart = shop.http.post(API + "/cart/items").header("X-Visitor-Id", "bad/visitor")
        .json(new JsonObject().put("skuId", sku.skuId()).put("quantity", 1)).send();
    assertThat(cart.status()).as(cart.toString()).isEqualTo(400);
    assertThat(field(cart)).isEqualTo("X-Visitor-Id");
    Reply login = login("nobody@polymart.test").header("Cookie", "pm_vid=bad!").send();
    assertThat(login.status()).as(login.toString()).isEqualTo(400);
    assertThat(field(login)).isEqualTo("pm_vid");
    Reply register = shop.http.post("/api/v1/auth/register").header("X-Visitor-Id", "bad.visitor.id")
        .json(Users.registration(TestPlatform.uniqueEmail("badvisitor"))).send();
    assertThat(register.status()).as(register.toString()).isEqualTo(400);
    assertThat(field(register)).isEqualTo("X-Visitor-Id");
    // an operation that does not read it ignores it
    Reply search = shop.http.get(API + "/products?size=1").header("X-Visitor-Id", "short").send();
    assertThat(search.status()).as(search.toString()).isEqualTo(200);
  }

  private Reply viewAsVisitor(String productId, String visitorId) {
    return shop.http.get(API + "/products/" + productId).header("X-Visitor-Id", visitorId).send();
  }

  private io.polymart.testing.HttpTestClient.Call login(String email) {
    return shop.http.post("/api/v1/auth/login")
        .json(new JsonObject().put("email", email).put("password", Users.PASSWORD));
  }

  private static String field(Reply reply) {
    return reply.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field");
  }

  /** The events whose data has {@code field} equal to {@code value}, in their order. */
  private static List<JsonObject> of(List<JsonObject> events, String field, String value) {
    return events.stream().filter(e -> value.equals(e.getJsonObject("data").getString(field))).toList();
  }

  static String visitorId() {
    return "v-" + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Keeps the record's events whose {@code aggregateId} is {@code aggregateId}, checking that the record (an array of
   * events) is on the partition Kafka's default partitioner gives each event's shopper (the visitor for a sign-in),
   * so that one shopper's events stay in order on one partition.
   */
  private static void collect(ConsumerRecord<String, String> record, int partitions, String aggregateId,
      Map<String, JsonObject> events) {
    for (Object value : new JsonArray(record.value())) {
      JsonObject event = (JsonObject) value;
      JsonObject data = event.getJsonObject("data");
      String shopper = "VisitorSignedIn".equals(event.getString("type")) ? data.getString("visitorId")
          : data.getString("userId", data.getString("visitorId"));
      assertThat(record.partition()).as("partition of " + event).isEqualTo(
          BuiltInPartitioner.partitionForKey(shopper.getBytes(StandardCharsets.UTF_8), partitions));
      if (aggregateId.equals(event.getString("aggregateId"))) {
        events.putIfAbsent(event.getString("id"), event);
      }
    }
  }

  /** The activity events of aggregate {@code key}, in topic order, read until {@code done} holds for them. */
  static List<JsonObject> eventsOf(String key, Predicate<List<JsonObject>> done) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestPlatform.config().getJsonObject("kafka").getString("bootstrapServers"),
        ConsumerConfig.GROUP_ID_CONFIG, "activity-test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, JsonObject> events = new LinkedHashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("polymart.activity"));
      int partitions = consumer.partitionsFor("polymart.activity").size();
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!done.test(new ArrayList<>(events.values()))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Timed out after " + TIMEOUT + " reading polymart.activity for " + key + "; got "
              + events.values());
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          collect(record, partitions, key, events);
        }
      }
      // whatever else was published for the key by then (a view that should not have been) is read too
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        collect(record, partitions, key, events);
      }
    }
    return new ArrayList<>(events.values());
  }
}
