package io.polymart.main;

import io.polymart.orders.payment.WebhookSignature;
import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shopping through the HTTP API for the cart and order tests: stocked SKUs of a seller of its own, buyers with an
 * address, carts, checkout, payment, and signed webhook calls as the sandbox provider makes them.
 */
final class Shop {
  static final String SANDBOX_SECRET = "test-sandbox-webhook-secret";
  final CatalogFixtures fx = new CatalogFixtures();
  final HttpTestClient http = fx.http;
  private Users.Session seller;
  private String categoryId;

  record Sku(String productId, String skuId, String price) {
  }

  record Buyer(Users.Session session, String addressId) {
    String token() {
      return session.accessToken();
    }
  }

  Users.Session seller() {
    if (seller == null) {
      seller = fx.seller();
      categoryId = fx.ownCategory("shop").getString("id");
    }
    return seller;
  }

  Users.Session admin() {
    return fx.admin();
  }

  /** A published product with one SKU of {@code price} and {@code stock} units on hand. */
  Sku stockedSku(String price, int stock) {
    String code = "SKU-" + CatalogFixtures.word(10);
    JsonObject created = fx.createProduct(seller(), CatalogFixtures.product("Item " + CatalogFixtures.word(6),
        categoryId, null, null, CatalogFixtures.sku(code, price, Map.of("color", "red"), stock)));
    fx.publish(seller(), created.getString("id"));
    String skuId = created.getJsonArray("skus").getJsonObject(0).getString("id");
    return new Sku(created.getString("id"), skuId, price);
  }

  /** Units of the SKU on sale now: on hand less reserved. */
  int available(Sku sku) {
    Reply reply = http.get(API + "/products/" + sku.productId()).bearer(seller().accessToken()).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    for (Object item : reply.json().getJsonArray("skus")) {
      JsonObject s = (JsonObject) item;
      if (s.getString("id").equals(sku.skuId())) {
        return s.getInteger("available");
      }
    }
    throw new AssertionError("SKU not in its product");
  }

  void setPrice(Sku sku, String price) {
    Reply reply = http.put(API + "/skus/" + sku.skuId() + "/price").bearer(seller().accessToken())
        .json(new JsonObject().put("price", price)).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  Buyer buyer() {
    Users.Session session = fx.customer();
    Reply address = http.post(API + "/me/addresses").bearer(session.accessToken()).json(new JsonObject()
        .put("receiver", "Li Lei").put("phone", "13800138000").put("province", "Zhejiang").put("city", "Hangzhou")
        .put("district", "Xihu").put("detail", "1 Wensan Road").put("postalCode", "310000")).send();
    assertThat(address.status()).as(address.toString()).isEqualTo(201);
    return new Buyer(session, address.json().getString("id"));
  }

  // ---------------------------------------------------------------- cart

  Reply addToCart(Buyer buyer, Sku sku, int quantity) {
    return http.post(API + "/cart/items").bearer(buyer.token())
        .json(new JsonObject().put("skuId", sku.skuId()).put("quantity", quantity)).send();
  }

  JsonObject cart(Buyer buyer) {
    Reply reply = http.get(API + "/cart").bearer(buyer.token()).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  // ---------------------------------------------------------------- orders

  static JsonObject items(Sku sku, int quantity) {
    return new JsonObject().put("items", new JsonArray().add(new JsonObject().put("skuId", sku.skuId())
        .put("quantity", quantity)));
  }

  Reply placeOrder(Buyer buyer, String idempotencyKey, JsonObject body) {
    HttpTestClient.Call call = http.post(API + "/orders").bearer(buyer.token())
        .json(body.copy().put("addressId", body.getString("addressId", buyer.addressId())));
    return idempotencyKey == null ? call.send() : call.header("Idempotency-Key", idempotencyKey).send();
  }

  /** Places an order for {@code quantity} of {@code sku} and expects it to be created. */
  JsonObject order(Buyer buyer, Sku sku, int quantity) {
    Reply reply = placeOrder(buyer, UUID.randomUUID().toString(), items(sku, quantity));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  JsonObject getOrder(Users.Session who, String orderId) {
    Reply reply = http.get(API + "/orders/" + orderId).bearer(who.accessToken()).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  String status(Buyer buyer, String orderId) {
    return getOrder(buyer.session(), orderId).getString("status");
  }

  Reply pay(Buyer buyer, String orderId, String outcome, Integer delaySeconds) {
    JsonObject sandbox = new JsonObject().put("outcome", outcome);
    if (delaySeconds != null) {
      sandbox.put("delaySeconds", delaySeconds);
    }
    return http.post(API + "/orders/" + orderId + "/pay").bearer(buyer.token())
        .json(new JsonObject().put("method", "card").put("sandbox", sandbox)).send();
  }

  /** Pays through the sandbox and waits until its webhook has made the order PAID. */
  JsonObject paidOrder(Buyer buyer, Sku sku, int quantity) {
    JsonObject order = order(buyer, sku, quantity);
    Reply paid = pay(buyer, order.getString("id"), "success", null);
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    awaitStatus(buyer, order.getString("id"), "PAID");
    return getOrder(buyer.session(), order.getString("id"));
  }

  void awaitStatus(Buyer buyer, String orderId, String status) {
    CatalogFixtures.await("order " + orderId + " to be " + status, Duration.ofSeconds(15),
        () -> status.equals(status(buyer, orderId)));
  }

  Reply staff(Users.Session who, String orderId, String action, JsonObject body) {
    HttpTestClient.Call call = http.post(API + "/admin/orders/" + orderId + "/" + action).bearer(who.accessToken());
    return body == null ? call.send() : call.json(body).send();
  }

  Reply buyerAction(Buyer buyer, String orderId, String action, JsonObject body) {
    HttpTestClient.Call call = http.post(API + "/orders/" + orderId + "/" + action).bearer(buyer.token());
    return body == null ? call.send() : call.json(body).send();
  }

  // ---------------------------------------------------------------- webhooks

  static String paymentEvent(String paymentId, String orderId, String type, String amount, String currency) {
    return new JsonObject().put("id", "evt_" + UUID.randomUUID()).put("type", type)
        .put("created", Instant.now().getEpochSecond())
        .put("data", new JsonObject().put("paymentId", paymentId).put("orderId", orderId).put("amount", amount)
            .put("currency", currency)).encode();
  }

  Reply webhook(String payload, long timestamp, String secret) {
    String signature = new WebhookSignature(secret, 300, Clock.systemUTC()).sign(timestamp, payload);
    return webhook(payload, Long.toString(timestamp), signature);
  }

  Reply webhook(String payload, String timestamp, String signature) {
    HttpTestClient.Call call = http.post(API + "/payments/webhook/sandbox").raw(payload);
    if (timestamp != null) {
      call.header("X-Polymart-Timestamp", timestamp);
    }
    if (signature != null) {
      call.header("X-Polymart-Signature", signature);
    }
    return call.send();
  }

  Reply signedWebhook(String payload) {
    return webhook(payload, Instant.now().getEpochSecond(), SANDBOX_SECRET);
  }
}
