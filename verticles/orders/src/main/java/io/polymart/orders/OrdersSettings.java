package io.polymart.orders;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigValues;
import io.polymart.orders.checkout.ShippingRule;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The orders verticle's conf, checked: {@code orders.*}, {@code payments.*} and the shop's {@code currency}. */
public record OrdersSettings(int paymentTimeoutSeconds, int sweepIntervalSeconds, ShippingRule shipping,
    long outboxPollMillis, String currency, SandboxSettings sandbox, int reconcileAfterSeconds,
    int reconcileIntervalSeconds) {

  public static OrdersSettings from(JsonObject conf) {
    JsonObject orders = conf.getJsonObject("orders");
    // the catalog holds an order's stock for its payment time plus 600 s, and holds nothing longer than a day
    int paymentTimeout = (int) ConfigValues.inRange(conf, "orders.paymentTimeoutSeconds", 1, 86_400 - 600);
    int sweepInterval = (int) ConfigValues.inRange(conf, "orders.sweepIntervalSeconds", 1, 3600);
    long pollMillis = ConfigValues.inRange(conf, "orders.outbox.pollMillis", 10, 60_000);
    int reconcileAfter = (int) ConfigValues.inRange(conf, "payments.reconcile.afterSeconds", 1, 86_400);
    int reconcileInterval = (int) ConfigValues.inRange(conf, "payments.reconcile.intervalSeconds", 1, 3600);
    JsonObject shipping = orders.getJsonObject("shipping");
    for (String key : List.of("fee", "freeOver")) {
      String amount = shipping.getString(key);
      if (!amount.matches("\\d{1,10}(\\.\\d{1,2})?")) {
        throw new ConfigException("Configuration key 'orders.shipping." + key + "' must be an amount like \"10.00\", got '"
            + amount + "'");
      }
    }
    return new OrdersSettings(paymentTimeout, sweepInterval, ShippingRule.from(shipping), pollMillis,
        conf.getString("currency"), SandboxSettings.from(conf), reconcileAfter, reconcileInterval);
  }
}
