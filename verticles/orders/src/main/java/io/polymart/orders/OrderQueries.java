package io.polymart.orders;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.Paging;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.util.Arrays;
import java.util.UUID;

/** Reading orders: buyers see their own, sellers the orders with their items, admins all. */
final class OrderQueries {
  private final OrderStore orders;
  private final SqlClient reads;

  OrderQueries(OrderStore orders, SqlClient reads) {
    this.orders = orders;
    this.reads = reads;
  }

  Future<JsonObject> get(BusRequest request) {
    UUID id = request.uuidParam("id", "Order");
    String userId = request.userId();
    return orders.find(reads, id).map(order -> order.filter(o -> userId.equals(o.getString("userId")))
        .orElseThrow(() -> ServiceException.notFound(OrderStore.NOT_FOUND)));
  }

  Future<JsonObject> list(BusRequest request) {
    Paging paging = Paging.from(request);
    return orders.list(reads, request.userUuid(), null, status(request), paging.page(), paging.size());
  }

  Future<JsonObject> staffList(BusRequest request) {
    Paging paging = Paging.from(request);
    Actor actor = Actor.staff(request);
    return orders.list(reads, null, actor.isAdmin() ? null : actor.id(), status(request), paging.page(),
        paging.size());
  }

  /** The whole order, history and payments included, for an admin or a seller of one of its items. */
  Future<JsonObject> staffGet(BusRequest request) {
    UUID id = request.uuidParam("id", "Order");
    Actor actor = Actor.staff(request);
    return orders.find(reads, id).map(order -> order.filter(o -> actor.isAdmin() || soldBy(o, actor.id()))
        .orElseThrow(() -> ServiceException.notFound(OrderStore.NOT_FOUND)));
  }

  private static boolean soldBy(JsonObject order, UUID sellerId) {
    return order.getJsonArray("items").stream().map(JsonObject.class::cast)
        .anyMatch(item -> sellerId.toString().equals(item.getString("sellerId")));
  }

  private static OrderStatus status(BusRequest request) {
    return request.query("status").map(value -> Arrays.stream(OrderStatus.values())
            .filter(status -> status.name().equals(value)).findFirst()
            .orElseThrow(() -> ServiceException.invalidField("status", "must be one of "
                + Arrays.toString(OrderStatus.values()))))
        .orElse(null);
  }
}
