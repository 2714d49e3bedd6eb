package io.polymart.orders;

import io.polymart.core.error.ServiceException;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_DELIVER;
import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_GET;
import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_LIST;
import static io.polymart.core.bus.Addresses.ORDERS_ADMIN_SHIP;
import static io.polymart.core.bus.Addresses.ORDERS_CANCEL;
import static io.polymart.core.bus.Addresses.ORDERS_GET;
import static io.polymart.core.bus.Addresses.ORDERS_PAY;
import static io.polymart.orders.OrdersFixture.act;
import static io.polymart.orders.OrdersFixture.addresses;
import static io.polymart.orders.OrdersFixture.assertFailure;
import static io.polymart.orders.OrdersFixture.checkout;
import static io.polymart.orders.OrdersFixture.get;
import static io.polymart.orders.OrdersFixture.lastMove;
import static io.polymart.orders.OrdersFixture.line;
import static io.polymart.orders.OrdersFixture.moves;
import static io.polymart.orders.OrdersFixture.node;
import static io.polymart.orders.OrdersFixture.order;
import static io.polymart.orders.OrdersFixture.pay;
import static io.polymart.orders.OrdersFixture.stock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may act on an order: its buyer on the buyer's moves, the sellers of its items and admins on the staff moves.
 * Anyone else finds no such order (404), so order ids reveal nothing.
 */
class OrderPermissionsTest {
  private static final JsonObject SHIPMENT = new JsonObject().put("carrier", "DHL").put("trackingNo", "JD0001");

  @Test
  void onlyTheBuyerSeesAndMovesTheirOrder() {
    Caller buyer = Caller.user();
    Caller seller = Caller.seller();
    String id = order(buyer, stock().sku("40.00", 5, seller.userId()), 1).getString("id");

    for (Caller notTheBuyer : List.of(Caller.user(), seller, Caller.admin())) {
      assertNotFound(act(ORDERS_GET, id, new JsonObject(), notTheBuyer).failure());
      assertNotFound(act(ORDERS_CANCEL, id, new JsonObject(), notTheBuyer).failure());
      assertNotFound(act(ORDERS_PAY, id, new JsonObject().put("method", "card"), notTheBuyer).failure());
    }

    JsonObject untouched = get(buyer, id);
    assertThat(untouched.getString("status")).isEqualTo("PENDING_PAYMENT");
    assertThat(untouched.getJsonArray("payments")).isNull();
  }

  @Test
  void staffMovesAreForTheSellersOfItsItemsAndForAdmins() {
    Caller buyer = Caller.user();
    Caller firstSeller = Caller.seller();
    Caller secondSeller = Caller.seller();
    Caller otherSeller = Caller.seller();
    Caller admin = Caller.admin();
    String id = order(buyer, checkout(addresses().address(buyer),
        line(stock().sku("10.00", 5, firstSeller.userId()), 1),
        line(stock().sku("20.00", 5, secondSeller.userId()), 1))).getString("id");
    pay(buyer, id);

    // the buyer on a staff address acts as a seller, and sells nothing in this order
    for (Caller outsider : List.of(otherSeller, buyer)) {
      assertNotFound(act(ORDERS_ADMIN_GET, id, new JsonObject(), outsider).failure());
      assertNotFound(act(ORDERS_ADMIN_SHIP, id, SHIPMENT, outsider).failure());
    }
    assertThat(get(buyer, id).getString("status")).isEqualTo("PAID");

    assertThat(act(ORDERS_ADMIN_GET, id, new JsonObject(), firstSeller).orThrow().getString("id")).isEqualTo(id);
    assertThat(staffListIds(firstSeller)).containsExactly(id);
    assertThat(staffListIds(otherSeller)).isEmpty();

    JsonObject shipped = act(ORDERS_ADMIN_SHIP, id, SHIPMENT, secondSeller).orThrow();
    assertThat(shipped.getString("status")).isEqualTo("SHIPPED");
    assertThat(lastMove(shipped).getString("actor")).isEqualTo("seller");
    assertThat(lastMove(shipped).getString("actorId")).isEqualTo(secondSeller.userId());

    // an admin acts on any order, as admin even when also a seller
    Caller adminSeller = Caller.user().withRoles("seller", "admin");
    JsonObject delivered = act(ORDERS_ADMIN_DELIVER, id, new JsonObject(), adminSeller).orThrow();
    assertThat(delivered.getString("status")).isEqualTo("DELIVERED");
    assertThat(lastMove(delivered).getString("actor")).isEqualTo("admin");
    assertThat(lastMove(delivered).getString("actorId")).isEqualTo(adminSeller.userId());
    assertThat(act(ORDERS_ADMIN_GET, id, new JsonObject(), admin).orThrow().getString("status"))
        .isEqualTo("DELIVERED");
    assertThat(moves(delivered)).containsExactly("null>PENDING_PAYMENT by user", "PENDING_PAYMENT>PAID by payment",
        "PAID>SHIPPED by seller", "SHIPPED>DELIVERED by admin");
  }

  /** The ids on the first page of the staff member's order list. */
  private static List<String> staffListIds(Caller staff) {
    return node().ok(ORDERS_ADMIN_LIST, new JsonObject(), new JsonObject(), staff).getJsonArray("items").stream()
        .map(JsonObject.class::cast).map(order -> order.getString("id")).toList();
  }

  private static void assertNotFound(ServiceException error) {
    assertFailure(error, 404, "NOT_FOUND");
    assertThat(error.getMessage()).isEqualTo("Order not found");
  }
}
