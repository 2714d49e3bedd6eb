package io.polymart.orders.order;

import io.polymart.core.error.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.polymart.orders.order.OrderStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderActionTest {
  /** The state machine, written out independently of the enum. */
  private static final Map<OrderAction, Set<OrderStatus>> LEGAL = Map.of(
      OrderAction.PAY, EnumSet.of(PENDING_PAYMENT),
      OrderAction.CANCEL, EnumSet.of(PENDING_PAYMENT, PAID),
      OrderAction.SHIP, EnumSet.of(PAID),
      OrderAction.DELIVER, EnumSet.of(SHIPPED),
      OrderAction.CONFIRM_RECEIPT, EnumSet.of(DELIVERED),
      OrderAction.REQUEST_REFUND, EnumSet.of(PAID, SHIPPED, DELIVERED),
      OrderAction.APPROVE_REFUND, EnumSet.of(REFUND_REQUESTED),
      OrderAction.REJECT_REFUND, EnumSet.of(REFUND_REQUESTED));
  private static final Map<OrderAction, OrderStatus> TARGET = Map.of(
      OrderAction.PAY, PAID, OrderAction.CANCEL, CANCELLED, OrderAction.SHIP, SHIPPED,
      OrderAction.DELIVER, DELIVERED, OrderAction.CONFIRM_RECEIPT, COMPLETED,
      OrderAction.REQUEST_REFUND, REFUND_REQUESTED, OrderAction.APPROVE_REFUND, REFUNDED);

  @Test
  void everyActionIsLegalExactlyFromItsStatuses() {
    for (OrderAction action : OrderAction.values()) {
      for (OrderStatus status : OrderStatus.values()) {
        if (LEGAL.get(action).contains(status)) {
          assertThat(action.check(status)).as(action + " from " + status).isEqualTo(TARGET.get(action));
        } else {
          assertThatThrownBy(() -> action.check(status)).as(action + " from " + status)
              .isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.code()).isEqualTo("INVALID_TRANSITION");
              });
        }
      }
    }
  }

  @Test
  void finishedOrdersCannotMove() {
    for (OrderStatus done : EnumSet.of(COMPLETED, CANCELLED, REFUNDED)) {
      for (OrderAction action : OrderAction.values()) {
        assertThat(action.allowedFrom(done)).as(action + " from " + done).isFalse();
      }
    }
  }
}
