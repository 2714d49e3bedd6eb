package io.polymart.orders;

import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.polymart.testing.BusTestNode.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_SALES;
import static io.polymart.orders.OrdersFixture.addresses;
import static io.polymart.orders.OrdersFixture.assertFailure;
import static io.polymart.orders.OrdersFixture.checkout;
import static io.polymart.orders.OrdersFixture.line;
import static io.polymart.orders.OrdersFixture.node;
import static io.polymart.orders.OrdersFixture.order;
import static io.polymart.orders.OrdersFixture.pay;
import static io.polymart.orders.OrdersFixture.stock;
import static org.assertj.core.api.Assertions.assertThat;

/** The console's chart: orders paid per UTC day and their revenue, the shop's for admins, their own for sellers. */
class SalesReportTest {

  @Test
  void paidOrdersCountOnTheDayTheyWerePaidAndSellersSeeTheRevenueOfTheirOwnLines() {
    Caller buyer = Caller.user();
    Caller seller = Caller.seller();
    Caller otherSeller = Caller.seller();
    Caller admin = Caller.admin();
    JsonObject shopBefore = today(sales(admin, 30));

    String mixed = order(buyer, checkout(addresses().address(buyer),
        line(stock().sku("10.00", 5, seller.userId()), 2),
        line(stock().sku("5.00", 5, otherSeller.userId()), 1))).getString("id");
    String single = order(buyer, stock().sku("30.00", 5, seller.userId()), 1).getString("id");
    order(buyer, stock().sku("99.00", 5, seller.userId()), 1);
    pay(buyer, mixed);
    pay(buyer, single);

    JsonArray days = sales(seller, 30).getJsonArray("days");
    assertThat(days).hasSize(30);
    assertThat(days.getJsonObject(0).getString("date"))
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(29).toString());
    JsonObject sellerToday = days.getJsonObject(29);
    assertThat(sellerToday.getString("date")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(sellerToday.getLong("orders")).as("the unpaid order does not count").isEqualTo(2);
    assertThat(sellerToday.getString("revenue")).as("their lines only").isEqualTo("50.00");
    assertThat(days.getJsonObject(28).getLong("orders")).as("a fresh seller sold nothing yesterday").isZero();
    assertThat(days.getJsonObject(28).getString("revenue")).isEqualTo("0.00");
    assertThat(today(sales(otherSeller, 30)).getString("revenue")).isEqualTo("5.00");

    // the shop: both orders with their shipping (25.00 + 7.50, 30.00 + 7.50)
    JsonObject shopToday = today(sales(admin, 30));
    assertThat(shopToday.getLong("orders") - shopBefore.getLong("orders")).isEqualTo(2);
    assertThat(new BigDecimal(shopToday.getString("revenue")).subtract(new BigDecimal(shopBefore.getString("revenue"))))
        .isEqualByComparingTo("70.00");
    assertThat(sales(admin, 7).getString("currency")).isEqualTo("USD");
    assertThat(sales(admin, 7).getJsonArray("days")).hasSize(7);
  }

  @Test
  void theNumberOfDaysIsFromOneToNinety() {
    for (String days : new String[] {"0", "91", "x"}) {
      assertFailure(call(Caller.admin(), days).failure(), 400, "VALIDATION_FAILED");
    }
  }

  private static JsonObject sales(Caller staff, int days) {
    return call(staff, Integer.toString(days)).orThrow();
  }

  private static Reply call(Caller staff, String days) {
    return BusTestNode.await(node().send(ORDERS_ADMIN_SALES, new JsonObject(), new JsonObject().put("days", days),
        new JsonObject(), staff));
  }

  private static JsonObject today(JsonObject sales) {
    JsonArray days = sales.getJsonArray("days");
    return days.getJsonObject(days.size() - 1);
  }
}
