package io.polymart.orders.checkout;

import io.polymart.core.client.AddressesClient;
import io.polymart.core.client.CartClient;
import io.polymart.core.client.CatalogStockClient;
import io.polymart.core.error.ServiceException;
import io.polymart.core.money.Money;
import io.polymart.orders.coupon.CouponRepository;
import io.polymart.orders.order.NewOrder;
import io.polymart.orders.order.OrderChange;
import io.polymart.orders.order.OrderEvents;
import io.polymart.orders.order.OrderRepository;
import io.polymart.orders.order.OrderStatus;
import io.polymart.orders.order.Quote;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static io.polymart.core.db.SqlSupport.isUniqueViolation;

/**
 * Checkout, the saga of DESIGN.md section 6: reserve the stock in the catalog (all lines or none), price the lines
 * from the catalog's reply, apply the coupon, and write order, lines, history, idempotency key and outbox event in
 * one transaction. If anything fails after the reservation, or the reservation's outcome is unknown, the reservation is
 * released.
 */
public final class CheckoutService {
  private static final Logger LOG = LoggerFactory.getLogger(CheckoutService.class);
  /** The catalog holds the stock a little longer than the order waits, so only the orders sweeper ends it. */
  private static final int RESERVATION_GRACE_SECONDS = 600;
  private final AbandonedCheckouts abandoned;
  private final OrderRepository orders;
  private final CouponRepository coupons;
  private final CatalogStockClient stock;
  private final AddressesClient addresses;
  private final CartClient carts;
  private final ShippingRule shipping;
  private final String currency;
  private final int paymentTimeoutSeconds;

  public CheckoutService(Vertx vertx, OrderRepository orders, CouponRepository coupons, CatalogStockClient stock,
      AddressesClient addresses, CartClient carts, ShippingRule shipping, String currency, int paymentTimeoutSeconds) {
    this.abandoned = new AbandonedCheckouts(vertx, orders, stock,
        (paymentTimeoutSeconds + RESERVATION_GRACE_SECONDS) * 1000L);
    this.orders = orders;
    this.coupons = coupons;
    this.stock = stock;
    this.addresses = addresses;
    this.carts = carts;
    this.shipping = shipping;
    this.currency = currency;
    this.paymentTimeoutSeconds = paymentTimeoutSeconds;
  }

  public Future<JsonObject> place(CheckoutRequest checkout) {
    return replayOf(checkout).compose(replay -> replay.isPresent()
        ? Future.succeededFuture(replay.get())
        : placeNew(checkout));
  }

  /** The order an earlier request with this key placed; a 422 if that request had another body. */
  private Future<Optional<JsonObject>> replayOf(CheckoutRequest checkout) {
    return orders.idempotencyKey(checkout.userId(), checkout.idempotencyKey())
        .compose(earlier -> {
          if (earlier.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
          }
          if (!earlier.get().fingerprint().equals(checkout.fingerprint())) {
            throw ServiceException.unprocessable("IDEMPOTENCY_KEY_REUSED",
                "This Idempotency-Key was used for a different order request");
          }
          if (earlier.get().orderId() == null) {
            throw checkoutFailed();
          }
          return orders.getFromPrimary(earlier.get().orderId()).map(Optional::of);
        });
  }

  private Future<JsonObject> placeNew(CheckoutRequest checkout) {
    Future<JsonObject> address = addresses.address(checkout.userId(), checkout.addressId())
        .map(found -> found.orElseThrow(() -> ServiceException.unprocessable("ADDRESS_NOT_FOUND",
            "addressId is not one of your addresses")));
    Future<JsonArray> items = checkout.items() != null ? Future.succeededFuture(checkout.items())
        : carts.selectedCartLines(checkout.userId()).map(CheckoutService::nonEmpty);
    Future<Void> coupon = checkout.couponCode() == null ? Future.succeededFuture()
        : coupons.precheck(checkout.couponCode(), checkout.userId());
    return Future.all(address, items, coupon)
        .compose(v -> reserve(checkout, items.result()))
        .compose(reservation -> {
          if (!"RESERVED".equals(reservation.getString("status"))) {
            // this key and body already ran and failed after reserving; replays answer the same
            throw checkoutFailed();
          }
          return write(checkout, address.result(), reservation.getJsonArray("lines"))
              .recover(failure -> undo(checkout, failure));
        })
        .compose(order -> leaveCart(checkout.userId(), items.result()).map(order));
  }

  /**
   * Reserves the items. When the catalog did not answer (an outage, a timeout), the reservation may have been made
   * all the same, its answer lost: it is given back like one after a failed write (the catalog records a release
   * that comes first, so a reserve still on its way then holds nothing).
   */
  private Future<JsonObject> reserve(CheckoutRequest checkout, JsonArray items) {
    return stock.reserve(checkout.reservationId(), items, paymentTimeoutSeconds + RESERVATION_GRACE_SECONDS)
        .recover(failure -> ServiceException.fromFailure(failure).status() < 500 ? Future.failedFuture(failure)
            : abandoned.release(checkout).transform(released -> Future.failedFuture(failure)));
  }

  private Future<JsonObject> write(CheckoutRequest checkout, JsonObject address, JsonArray reservedLines) {
    UUID orderId = UUID.randomUUID();
    JsonArray lines = new JsonArray();
    Set<UUID> sellers = new LinkedHashSet<>();
    BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
    for (int i = 0; i < reservedLines.size(); i++) {
      JsonObject reserved = reservedLines.getJsonObject(i);
      BigDecimal unitPrice = Money.of(reserved.getString("unitPrice"));
      BigDecimal lineTotal = unitPrice.multiply(BigDecimal.valueOf(reserved.getInteger("quantity")));
      subtotal = subtotal.add(lineTotal);
      if (reserved.getString("sellerId") != null) {
        sellers.add(UUID.fromString(reserved.getString("sellerId")));
      }
      lines.add(reserved.copy().put("lineTotal", Money.format(lineTotal)));
    }
    BigDecimal orderSubtotal = subtotal;
    Function<OrderChange, Future<JsonObject>> placing = change -> (checkout.couponCode() == null
        ? Future.<CouponRepository.Applied>succeededFuture(null)
        : coupons.use(change.connection(), checkout.couponCode(), checkout.userId(), orderId, orderSubtotal))
        .compose(coupon -> {
          Quote quote = shipping.quote(orderSubtotal, coupon == null ? BigDecimal.ZERO.setScale(2) : coupon.discount());
          NewOrder order = new NewOrder(orderId, checkout.userId(), currency, quote,
              coupon == null ? null : coupon.code(), coupon == null ? null : coupon.userCouponId(),
              snapshot(address), checkout.note(), checkout.reservationId(), sellers.toArray(UUID[]::new),
              paymentTimeoutSeconds, lines);
          return orders.insert(change, order, checkout.idempotencyKey(), checkout.fingerprint(), placedEvent(order))
              .map(placed -> {
                change.notifyUser(checkout.userId().toString(), OrderEvents.statusChange(orderId,
                    placed.getString("number"), null, OrderStatus.PENDING_PAYMENT));
                return placed;
              });
        });
    // without a coupon to use first, placing the order is one statement
    return checkout.couponCode() == null ? orders.inOneStatement(placing) : orders.inTransaction(placing);
  }

  /**
   * After a failed write: a concurrent replay of the same request that won keeps the shared reservation and its
   * order is the answer; anything else releases this request's reservation and reports the failure.
   */
  private Future<JsonObject> undo(CheckoutRequest checkout, Throwable failure) {
    boolean duplicate = isUniqueViolation(failure, "idempotency_keys_pkey")
        || isUniqueViolation(failure, "orders_reservation_id_key");
    if (duplicate) {
      return replayOrFail(checkout, failure);
    }
    return abandoned.release(checkout).compose(released -> released
        ? Future.failedFuture(failure)
        : replayOrFail(checkout, failure));
  }

  private Future<JsonObject> replayOrFail(CheckoutRequest checkout, Throwable failure) {
    return replayOf(checkout).compose(replay -> replay.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(failure)));
  }

  private static ServiceException checkoutFailed() {
    return ServiceException.conflict("CHECKOUT_FAILED",
        "This checkout already failed; send a new Idempotency-Key to try again");
  }

  private Future<Void> leaveCart(UUID userId, JsonArray items) {
    JsonArray skuIds = new JsonArray();
    items.forEach(item -> skuIds.add(((JsonObject) item).getString("skuId")));
    return carts.removeCartLines(userId, skuIds).recover(e -> {
      LOG.warn("Order placed but its lines could not leave the cart of {}: {}", userId, e.toString());
      return Future.succeededFuture();
    });
  }

  private static JsonArray nonEmpty(JsonArray selected) {
    if (selected.isEmpty()) {
      throw ServiceException.unprocessable("EMPTY_CART", "Select some cart lines or list the items to buy");
    }
    return selected;
  }

  private static JsonObject snapshot(JsonObject address) {
    JsonObject copy = new JsonObject();
    for (String field : new String[] {"receiver", "phone", "province", "city", "district", "detail", "postalCode"}) {
      copy.put(field, address.getValue(field));
    }
    return copy;
  }

  /** OrderPlaced's data; its {@code number} is the order's, given by {@link OrderRepository#insert}. */
  private static JsonObject placedEvent(NewOrder order) {
    JsonArray items = new JsonArray();
    order.linesJson().forEach(line -> {
      JsonObject l = (JsonObject) line;
      items.add(new JsonObject().put("skuId", l.getString("skuId")).put("productId", l.getString("productId"))
          .put("sellerId", l.getString("sellerId")).put("quantity", l.getInteger("quantity"))
          .put("unitPrice", l.getString("unitPrice")));
    });
    return new JsonObject().put("orderId", order.id().toString()).put("number", null)
        .put("userId", order.userId().toString()).put("items", items)
        .put("subtotal", Money.format(order.quote().subtotal())).put("discount", Money.format(order.quote().discount()))
        .put("shippingFee", Money.format(order.quote().shippingFee())).put("total", Money.format(order.quote().total()))
        .put("currency", order.currency()).put("couponCode", order.couponCode());
  }
}
