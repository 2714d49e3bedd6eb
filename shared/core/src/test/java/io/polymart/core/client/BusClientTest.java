package io.polymart.core.client;

import io.polymart.core.bus.Addresses;
import io.polymart.core.bus.BusHeaders;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The clients against a real event bus, with the callee played by a consumer registered in the test. */
class BusClientTest {
  private Vertx vertx;
  private BusClient bus;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    bus = new BusClient(vertx, new BusSettings(Duration.ofSeconds(1)));
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  /** A callee at {@code address} that records each request (envelope and headers) and answers it. */
  private List<Message<JsonObject>> callee(String address, Consumer<Message<JsonObject>> answer) {
    List<Message<JsonObject>> received = Collections.synchronizedList(new ArrayList<>());
    await(vertx.eventBus().<JsonObject>consumer(address, message -> {
      received.add(message);
      answer.accept(message);
    }).completion());
    return received;
  }

  private static String address() {
    return "test." + UUID.randomUUID();
  }

  private static JsonObject body(Message<JsonObject> request) {
    return request.body().getJsonObject("body");
  }

  @Test
  void sendsTheEnvelopeWithTheCallersHeadersAndAnswersTheReply() {
    String address = address();
    List<Message<JsonObject>> received = callee(address, message -> message.reply(new JsonObject().put("ok", true),
        new DeliveryOptions().addHeader("etag", "\"1\"")));

    Message<JsonObject> reply = await(bus.send(address, new JsonObject().put("id", "7"), new JsonObject()
        .put("q", "x"), new JsonObject().put("a", 1), BusCaller.user("u1").withRoles(List.of("admin", "seller"))
        .withCartToken("tok").withRequestId("rid").with(BusHeaders.CLIENT_IP, null)));

    assertThat(reply.body()).isEqualTo(new JsonObject().put("ok", true));
    assertThat(reply.headers().get("etag")).isEqualTo("\"1\"");
    Message<JsonObject> request = received.get(0);
    assertThat(request.body()).isEqualTo(new JsonObject().put("params", new JsonObject().put("id", "7"))
        .put("query", new JsonObject().put("q", "x")).put("body", new JsonObject().put("a", 1)));
    assertThat(request.headers().get(BusHeaders.USER_ID)).isEqualTo("u1");
    assertThat(request.headers().get(BusHeaders.USER_ROLES)).isEqualTo("admin,seller");
    assertThat(request.headers().get(BusHeaders.CART_TOKEN)).isEqualTo("tok");
    assertThat(request.headers().get(BusHeaders.REQUEST_ID)).isEqualTo("rid");
    assertThat(request.headers().contains(BusHeaders.CLIENT_IP)).isFalse();

    assertThat(await(bus.request(address, new JsonObject().put("b", 2)))).isEqualTo(new JsonObject().put("ok", true));
    assertThat(received.get(1).body()).isEqualTo(new JsonObject().put("params", new JsonObject())
        .put("query", new JsonObject()).put("body", new JsonObject().put("b", 2)));
    assertThat(received.get(1).headers().isEmpty()).isTrue();
  }

  @Test
  void theCalleesFailurePassesThroughAsItCame() {
    String address = address();
    ServiceException conflict = ServiceException.conflict("INSUFFICIENT_STOCK", "Not enough");
    callee(address, message -> message.fail(conflict.status(), conflict.toJson().encode()));

    Throwable failure = awaitFailure(bus.request(address, new JsonObject()));

    assertThat(failure).isInstanceOf(ReplyException.class);
    ServiceException read = ServiceException.fromFailure(failure);
    assertThat(read.status()).isEqualTo(409);
    assertThat(read.code()).isEqualTo("INSUFFICIENT_STOCK");
    assertThat(read.getMessage()).isEqualTo("Not enough");
  }

  @Test
  void noAnswerWithinTheConfiguredTimeoutAndNoHandlerAreUnavailable() {
    String address = address();
    callee(address, message -> { });
    long started = System.nanoTime();
    Throwable timedOut = awaitFailure(bus.request(address, new JsonObject()));
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(((ReplyException) timedOut).failureType()).isEqualTo(ReplyFailure.TIMEOUT);
    assertThat(tookMillis).isBetween(900L, 5_000L);
    assertThat(ServiceException.fromFailure(timedOut).status()).isEqualTo(503);
    Throwable nobody = awaitFailure(bus.request(address(), new JsonObject()));
    assertThat(((ReplyException) nobody).failureType()).isEqualTo(ReplyFailure.NO_HANDLERS);
    assertThat(ServiceException.fromFailure(nobody).status()).isEqualTo(503);
  }

  @Test
  void catalogStockSendsTheReservationContract() {
    List<Message<JsonObject>> reserves = callee(Addresses.CATALOG_STOCK_RESERVE,
        message -> message.reply(new JsonObject().put("status", "RESERVED")));
    List<List<Message<JsonObject>>> others = new ArrayList<>();
    for (String address : List.of(Addresses.CATALOG_STOCK_CONFIRM, Addresses.CATALOG_STOCK_RELEASE,
        Addresses.CATALOG_STOCK_RESTORE)) {
      others.add(callee(address, message -> message.reply(new JsonObject().put("at", message.address()))));
    }
    CatalogStockClient stock = new CatalogStockClient(bus);
    JsonArray items = new JsonArray().add(new JsonObject().put("skuId", "s1").put("quantity", 2));

    assertThat(await(stock.reserve("r1", items, 900))).isEqualTo(new JsonObject().put("status", "RESERVED"));
    assertThat(body(reserves.get(0))).isEqualTo(new JsonObject().put("reservationId", "r1").put("items", items)
        .put("ttlSeconds", 900));
    assertThat(await(stock.confirm("r1")).getString("at")).isEqualTo(Addresses.CATALOG_STOCK_CONFIRM);
    assertThat(await(stock.release("r1")).getString("at")).isEqualTo(Addresses.CATALOG_STOCK_RELEASE);
    assertThat(await(stock.restore("r1")).getString("at")).isEqualTo(Addresses.CATALOG_STOCK_RESTORE);
    assertThat(others).allSatisfy(received -> assertThat(received).singleElement().satisfies(request ->
        assertThat(body(request)).isEqualTo(new JsonObject().put("reservationId", "r1"))));
  }

  @Test
  void skuLookupAsksInBatchesOfAHundredAndLeavesUnknownSkusOut() {
    List<Message<JsonObject>> lookups = callee(Addresses.CATALOG_SKUS_LOOKUP, message -> {
      JsonArray items = new JsonArray();
      body(message).getJsonArray("skuIds").stream().map(String.class::cast).filter(id -> !id.startsWith("gone"))
          .forEach(id -> items.add(new JsonObject().put("skuId", id).put("unitPrice", "1.00")));
      message.reply(new JsonObject().put("items", items));
    });
    SkuLookupClient skus = new SkuLookupClient(bus);
    List<String> ids = new ArrayList<>(IntStream.range(0, 230).mapToObj(i -> "sku-" + i).toList());
    ids.add("sku-0");
    ids.add("gone-1");

    Map<String, JsonObject> found = await(skus.lookup(ids));

    assertThat(found).hasSize(230).containsKeys("sku-0", "sku-229").doesNotContainKey("gone-1");
    assertThat(found.get("sku-7")).isEqualTo(new JsonObject().put("skuId", "sku-7").put("unitPrice", "1.00"));
    assertThat(lookups).hasSize(3);
    assertThat(lookups.stream().mapToInt(request -> body(request).getJsonArray("skuIds").size()).sorted().toArray())
        .containsExactly(31, 100, 100);
    assertThat(await(skus.lookup(List.of()))).isEmpty();
    assertThat(lookups).hasSize(3);
  }

  @Test
  void addressesAnswerTheUsersAddressOrNothing() {
    UUID user = UUID.randomUUID();
    UUID mine = UUID.randomUUID();
    List<Message<JsonObject>> asked = callee(Addresses.USERS_ADDRESSES_GET, message -> {
      boolean owned = user.toString().equals(message.headers().get(BusHeaders.USER_ID))
          && mine.toString().equals(message.body().getJsonObject("params").getString("id"));
      if (owned) {
        message.reply(new JsonObject().put("id", mine.toString()));
      } else {
        ServiceException notFound = ServiceException.notFound("Address not found");
        message.fail(notFound.status(), notFound.toJson().encode());
      }
    });
    AddressesClient addresses = new AddressesClient(bus);

    assertThat(await(addresses.address(user, mine))).contains(new JsonObject().put("id", mine.toString()));
    assertThat(await(addresses.address(user, UUID.randomUUID()))).isEqualTo(Optional.empty());
    assertThat(await(addresses.address(UUID.randomUUID(), mine))).isEmpty();
    assertThat(asked).hasSize(3);
  }

  @Test
  void addressesPassOtherFailuresThrough() {
    callee(Addresses.USERS_ADDRESSES_GET, message -> message.fail(500, "{}"));
    AddressesClient addresses = new AddressesClient(bus);
    Throwable failure = awaitFailure(addresses.address(UUID.randomUUID(), UUID.randomUUID()));
    assertThat(((ReplyException) failure).failureCode()).isEqualTo(500);
  }

  @Test
  void cartCallsActForTheUser() {
    UUID user = UUID.randomUUID();
    List<Message<JsonObject>> selected = callee(Addresses.CART_SELECTED, message -> message.reply(new JsonObject()
        .put("items", new JsonArray().add(new JsonObject().put("skuId", "s1").put("quantity", 2)))));
    List<Message<JsonObject>> removed = callee(Addresses.CART_REMOVE_LINES, message -> message.reply(new JsonObject()));
    List<Message<JsonObject>> merged = callee(Addresses.CART_MERGE, message -> message.reply(new JsonObject()
        .put("lineCount", 1)));
    CartClient cart = new CartClient(bus);

    assertThat(await(cart.selectedCartLines(user)))
        .isEqualTo(new JsonArray().add(new JsonObject().put("skuId", "s1").put("quantity", 2)));
    await(cart.removeCartLines(user, new JsonArray().add("s1")));
    assertThat(await(cart.merge(BusCaller.user(user).withRequestId("rid"), "guest-token")))
        .isEqualTo(new JsonObject().put("lineCount", 1));

    assertThat(selected.get(0).headers().get(BusHeaders.USER_ID)).isEqualTo(user.toString());
    assertThat(body(selected.get(0))).isEqualTo(new JsonObject());
    assertThat(removed.get(0).headers().get(BusHeaders.USER_ID)).isEqualTo(user.toString());
    assertThat(body(removed.get(0))).isEqualTo(new JsonObject().put("skuIds", new JsonArray().add("s1")));
    assertThat(merged.get(0).headers().get(BusHeaders.USER_ID)).isEqualTo(user.toString());
    assertThat(merged.get(0).headers().get(BusHeaders.REQUEST_ID)).isEqualTo("rid");
    assertThat(body(merged.get(0))).isEqualTo(new JsonObject().put("guestToken", "guest-token"));
  }

  @Test
  void revocationsAndMediaReadTheirReplies() {
    JsonArray entries = new JsonArray().add(new JsonObject().put("sessionId", "s").put("expiresAt", 1L));
    callee(Addresses.USERS_REVOCATIONS_LIST, message -> message.reply(new JsonObject().put("items", entries)));
    List<Message<JsonObject>> media = callee(Addresses.CATALOG_MEDIA_GET, message -> message.reply(new JsonObject()
        .put("contentType", "image/webp").put("bytes", new byte[] {1, 2, 3})));

    assertThat(await(new RevocationsClient(bus).active())).isEqualTo(entries);
    MediaClient.Media image = await(new MediaClient(bus).get("products/p/1.webp"));
    assertThat(image.contentType()).isEqualTo("image/webp");
    assertThat(image.bytes()).isEqualTo(Buffer.buffer(new byte[] {1, 2, 3}));
    assertThat(body(media.get(0))).isEqualTo(new JsonObject().put("key", "products/p/1.webp"));
  }

  private static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }

  private static Throwable awaitFailure(Future<?> future) {
    Throwable failure = await(future.transform(done -> Future.succeededFuture(done.cause())));
    assertThat(failure).as("a failure").isNotNull();
    return failure;
  }
}
