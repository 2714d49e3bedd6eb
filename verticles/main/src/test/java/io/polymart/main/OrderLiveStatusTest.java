package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The buyer's WebSocket follows their order and cart as the orders and cart verticles change them. */
class OrderLiveStatusTest {
  private final Shop shop = new Shop();

  @Test
  void theBuyerSeesTheOrderBecomePaidWithinASecondOfTheWebhook() {
    Shop.Sku sku = shop.stockedSku("21.00", 5);
    Shop.Buyer buyer = shop.buyer();
    Shop.Buyer bystander = shop.buyer();
    try (LiveSocket socket = LiveSocket.open(LiveSocket.sharedClient(), buyer.token());
         LiveSocket other = LiveSocket.open(LiveSocket.sharedClient(), bystander.token())) {
      socket.next("ready");
      other.next("ready");

      assertThat(shop.addToCart(buyer, sku, 1).status()).isEqualTo(200);
      JsonObject cartChanged = socket.next("cart.changed");
      assertThat(cartChanged.getInteger("lineCount")).isEqualTo(1);

      JsonObject order = shop.order(buyer, sku, 1);
      JsonObject placed = socket.next("order.status");
      assertThat(placed.getString("orderId")).isEqualTo(order.getString("id"));
      assertThat(placed.getString("to")).isEqualTo("PENDING_PAYMENT");
      Reply payment = shop.pay(buyer, order.getString("id"), "delay", 600);

      long sent = System.nanoTime();
      Reply webhook = shop.signedWebhook(Shop.paymentEvent(payment.json().getString("paymentId"),
          order.getString("id"), "payment.succeeded", order.getString("total"), "USD"));
      assertThat(webhook.status()).as(webhook.toString()).isEqualTo(200);
      JsonObject paid = socket.next("order.status");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
      assertThat(paid.getString("from")).isEqualTo("PENDING_PAYMENT");
      assertThat(paid.getString("to")).isEqualTo("PAID");
      assertThat(paid.getString("number")).isEqualTo(order.getString("number"));
      assertThat(millis).as("ms from the webhook call to the PAID message").isLessThan(1000);

      other.roundTrip();
      assertThat(other.events()).isEmpty();
    }
  }
}
