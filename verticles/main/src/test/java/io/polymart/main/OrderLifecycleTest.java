package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The purchase path over HTTP: checkout, payment, shipping, delivery, receipt, cancel and refunds. */
class OrderLifecycleTest {
  private final Shop shop = new Shop();

  @Test
  void anOrderGoesFromCheckoutToCompleted() {
    Shop.Sku sku = shop.stockedSku("40.00", 5);
    Shop.Buyer buyer = shop.buyer();
    JsonObject order = shop.order(buyer, sku, 2);

    assertThat(order.getString("number")).matches("PM\\d{8}\\d{10}");
    assertThat(order.getString("status")).isEqualTo("PENDING_PAYMENT");
    assertThat(order.getString("subtotal")).isEqualTo("80.00");
    assertThat(order.getString("discount")).isEqualTo("0.00");
    assertThat(order.getString("shippingFee")).isEqualTo("10.00");
    assertThat(order.getString("total")).isEqualTo("90.00");
    assertThat(order.getString("currency")).isEqualTo("USD");
    assertThat(order.getString("expiresAt")).isNotBlank();
    assertThat(order.getJsonObject("address").getString("city")).isEqualTo("Hangzhou");
    JsonObject line = order.getJsonArray("items").getJsonObject(0);
    assertThat(line.getString("skuId")).isEqualTo(sku.skuId());
    assertThat(line.getString("name")).startsWith("Item ");
    assertThat(line.getJsonObject("attributes").getString("color")).isEqualTo("red");
    assertThat(line.getString("unitPrice")).isEqualTo("40.00");
    assertThat(line.getInteger("quantity")).isEqualTo(2);
    assertThat(line.getString("lineTotal")).isEqualTo("80.00");
    assertThat(shop.available(sku)).isEqualTo(3);

    String id = order.getString("id");
    Reply payment = shop.pay(buyer, id, "success", null);
    assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
    assertThat(payment.json().getString("status")).isEqualTo("PENDING");
    assertThat(payment.json().getString("amount")).isEqualTo("90.00");
    shop.awaitStatus(buyer, id, "PAID");
    assertThat(shop.getOrder(buyer.session(), id).getString("paidAt")).isNotNull();
    assertThat(shop.available(sku)).isEqualTo(3);

    Reply shipped = shop.staff(shop.seller(), id, "ship",
        new JsonObject().put("carrier", "SF Express").put("trackingNo", "SF1234567890"));
    assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
    assertThat(shipped.json().getJsonObject("shipment").getString("trackingNo")).isEqualTo("SF1234567890");
    assertThat(shop.staff(shop.seller(), id, "deliver", null).json().getString("status")).isEqualTo("DELIVERED");
    Reply completed = shop.buyerAction(buyer, id, "confirm-receipt", null);
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    assertThat(completed.json().getString("status")).isEqualTo("COMPLETED");

    JsonArray history = completed.json().getJsonArray("history");
    assertThat(history.stream().map(h -> ((JsonObject) h).getString("to")).toList())
        .containsExactly("PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "COMPLETED");
    assertThat(history.stream().map(h -> ((JsonObject) h).getString("actor")).toList())
        .containsExactly("user", "payment", "seller", "seller", "user");
    assertThat(history.getJsonObject(2).getString("from")).isEqualTo("PAID");
    assertThat(history.getJsonObject(4).getString("at")).isNotBlank();
  }

  @Test
  void illegalTransitionsAreRefusedWithConflict() {
    Shop.Sku sku = shop.stockedSku("15.00", 10);
    Shop.Buyer buyer = shop.buyer();
    String pending = shop.order(buyer, sku, 1).getString("id");
    assertConflict(shop.staff(shop.seller(), pending, "ship", shipment()));
    assertConflict(shop.staff(shop.seller(), pending, "deliver", null));
    assertConflict(shop.buyerAction(buyer, pending, "confirm-receipt", null));
    assertConflict(shop.buyerAction(buyer, pending, "refund", new JsonObject().put("reason", "changed my mind")));
    assertConflict(shop.staff(shop.seller(), pending, "refund/approve", null));
    assertConflict(shop.staff(shop.seller(), pending, "refund/reject", null));

    String paid = shop.paidOrder(buyer, sku, 1).getString("id");
    assertConflict(shop.staff(shop.seller(), paid, "deliver", null));
    assertConflict(shop.buyerAction(buyer, paid, "confirm-receipt", null));
    assertConflict(shop.pay(buyer, paid, "success", null));
    assertThat(shop.staff(shop.seller(), paid, "ship", shipment()).status()).isEqualTo(200);
    assertConflict(shop.buyerAction(buyer, paid, "cancel", null));
    assertConflict(shop.staff(shop.seller(), paid, "ship", shipment()));

    Reply cancelled = shop.buyerAction(buyer, pending, "cancel", null);
    assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
    for (String action : List.of("cancel", "confirm-receipt")) {
      assertConflict(shop.buyerAction(buyer, pending, action, null));
    }
    assertConflict(shop.pay(buyer, pending, "success", null));
    assertThat(shop.getOrder(buyer.session(), pending).getString("status")).isEqualTo("CANCELLED");
  }

  @Test
  void cancellingReleasesUnpaidStockAndRefundsPaidOrders() {
    Shop.Sku sku = shop.stockedSku("25.00", 4);
    Shop.Buyer buyer = shop.buyer();
    String unpaid = shop.order(buyer, sku, 2).getString("id");
    assertThat(shop.available(sku)).isEqualTo(2);
    Reply cancelled = shop.buyerAction(buyer, unpaid, "cancel", null);
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
    assertThat(shop.available(sku)).isEqualTo(4);

    String paid = shop.paidOrder(buyer, sku, 3).getString("id");
    assertThat(shop.available(sku)).isEqualTo(1);
    Reply refunded = shop.buyerAction(buyer, paid, "cancel", null);
    assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
    assertThat(refunded.json().getString("status")).isEqualTo("CANCELLED");
    JsonArray history = refunded.json().getJsonArray("history");
    assertThat(history.getJsonObject(history.size() - 1).getString("reason")).contains("refunded");
    assertThat(shop.available(sku)).isEqualTo(4);
  }

  @Test
  void refundsAreApprovedWithStockBackOrRejectedToTheEarlierStatus() {
    Shop.Sku sku = shop.stockedSku("30.00", 6);
    Shop.Buyer buyer = shop.buyer();
    String delivered = shop.paidOrder(buyer, sku, 2).getString("id");
    shop.staff(shop.seller(), delivered, "ship", shipment());
    shop.staff(shop.seller(), delivered, "deliver", null);
    assertThat(shop.available(sku)).isEqualTo(4);

    Reply requested = shop.buyerAction(buyer, delivered, "refund", new JsonObject().put("reason", "arrived broken"));
    assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
    assertThat(requested.json().getString("status")).isEqualTo("REFUND_REQUESTED");
    assertThat(requested.json().getJsonObject("refund").getString("reason")).isEqualTo("arrived broken");
    Reply rejected = shop.staff(shop.seller(), delivered, "refund/reject", null);
    assertThat(rejected.json().getString("status")).as(rejected.toString()).isEqualTo("DELIVERED");
    assertThat(rejected.json().getJsonObject("refund").getString("status")).isEqualTo("REJECTED");

    shop.buyerAction(buyer, delivered, "refund", new JsonObject().put("reason", "still broken"));
    Reply approved = shop.staff(shop.admin(), delivered, "refund/approve", null);
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().getString("status")).isEqualTo("REFUNDED");
    assertThat(approved.json().getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("actor")).toList())
        .endsWith("user", "seller", "user", "admin");
    assertThat(shop.available(sku)).isEqualTo(6);

    String paid = shop.paidOrder(buyer, sku, 1).getString("id");
    shop.buyerAction(buyer, paid, "refund", new JsonObject().put("reason", "no longer needed"));
    assertThat(shop.staff(shop.seller(), paid, "refund/reject", null).json().getString("status")).isEqualTo("PAID");
    Reply blank = shop.buyerAction(buyer, paid, "refund", new JsonObject().put("reason", ""));
    assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
  }

  @Test
  void ordersBelongToTheirBuyerAndTheSellersOfTheirItems() {
    Shop.Sku sku = shop.stockedSku("12.00", 5);
    Shop.Buyer owner = shop.buyer();
    Shop.Buyer stranger = shop.buyer();
    String id = shop.order(owner, sku, 1).getString("id");

    assertThat(shop.http.get(CatalogFixtures.API + "/orders/" + id).bearer(stranger.token()).send().status())
        .isEqualTo(404);
    assertThat(shop.buyerAction(stranger, id, "cancel", null).status()).isEqualTo(404);
    assertThat(shop.pay(stranger, id, "success", null).status()).isEqualTo(404);
    assertThat(shop.http.get(CatalogFixtures.API + "/orders/" + UUID.randomUUID()).bearer(owner.token()).send()
        .status()).isEqualTo(404);
    assertThat(shop.http.get(CatalogFixtures.API + "/orders/not-an-id").bearer(owner.token()).send().status())
        .isEqualTo(404);
    JsonObject strangersList = shop.http.get(CatalogFixtures.API + "/orders").bearer(stranger.token()).send().json();
    assertThat(strangersList.getLong("total")).isZero();
    JsonObject ownersList = shop.http.get(CatalogFixtures.API + "/orders?status=PENDING_PAYMENT")
        .bearer(owner.token()).send().json();
    assertThat(ownersList.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(id);
    assertThat(shop.http.get(CatalogFixtures.API + "/orders?status=LOST").bearer(owner.token()).send().status())
        .isEqualTo(400);

    Users.Session otherSeller = shop.fx.seller();
    String paid = shop.paidOrder(owner, sku, 1).getString("id");
    assertThat(shop.staff(otherSeller, paid, "ship", shipment()).status()).isEqualTo(404);
    assertThat(shop.staff(owner.session(), paid, "ship", shipment()).status()).isEqualTo(403);
    JsonObject sellersView = shop.http.get(CatalogFixtures.API + "/admin/orders?status=PAID")
        .bearer(shop.seller().accessToken()).send().json();
    assertThat(sellersView.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
        .contains(paid);
    JsonObject otherSellersView = shop.http.get(CatalogFixtures.API + "/admin/orders")
        .bearer(otherSeller.accessToken()).send().json();
    assertThat(otherSellersView.getLong("total")).isZero();

    Reply sellersDetail = shop.http.get(CatalogFixtures.API + "/admin/orders/" + paid).bearer(shop.seller().accessToken())
        .send();
    assertThat(sellersDetail.status()).as(sellersDetail.toString()).isEqualTo(200);
    assertThat(sellersDetail.json().getJsonArray("history")).hasSize(2);
    assertThat(sellersDetail.json().getJsonArray("payments").getJsonObject(0).getString("status")).isEqualTo("SUCCEEDED");
    assertThat(shop.http.get(CatalogFixtures.API + "/admin/orders/" + paid).bearer(shop.admin().accessToken()).send()
        .status()).isEqualTo(200);
    assertThat(shop.http.get(CatalogFixtures.API + "/admin/orders/" + paid).bearer(otherSeller.accessToken()).send()
        .status()).isEqualTo(404);
    assertThat(shop.http.get(CatalogFixtures.API + "/admin/orders/" + paid).bearer(owner.token()).send().status())
        .isEqualTo(403);
  }

  private static JsonObject shipment() {
    return new JsonObject().put("carrier", "SF Express").put("trackingNo", "SF" + System.nanoTime());
  }

  private static void assertConflict(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
    assertThat(reply.errorCode()).isIn("INVALID_TRANSITION", "ORDER_EXPIRED");
  }
}
