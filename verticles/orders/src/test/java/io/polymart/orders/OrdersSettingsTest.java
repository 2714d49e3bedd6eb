package io.polymart.orders;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The orders.* and payments.* rules that used to live in core's ConfigRules. */
class OrdersSettingsTest {

  @Test
  void theDefaultsHoldAndFillInTheLocalSandbox() {
    JsonObject conf = withJwtSecret(ConfigLoader.defaults());
    OrdersSettings settings = OrdersSettings.from(conf);
    assertThat(settings.paymentTimeoutSeconds()).isEqualTo(1800);
    assertThat(settings.sweepIntervalSeconds()).isEqualTo(5);
    assertThat(settings.outboxPollMillis()).isEqualTo(1000);
    assertThat(settings.reconcileAfterSeconds()).isEqualTo(60);
    assertThat(settings.reconcileIntervalSeconds()).isEqualTo(30);
    assertThat(settings.shipping().fee()).isEqualByComparingTo("10.00");
    assertThat(settings.shipping().freeOver()).isEqualByComparingTo("99.00");
    assertThat(settings.currency()).isEqualTo(conf.getString("currency"));
    assertThat(settings.sandbox().webhookUrl()).isEqualTo("http://127.0.0.1:" + conf.getJsonObject("http")
        .getInteger("port") + "/api/v1/payments/webhook/sandbox");
    assertThat(settings.sandbox().secret()).hasSize(64);
  }

  @Test
  void theProductionExampleHolds() {
    JsonObject conf = ConfigLoader.load(Optional.of(Path.of("../../conf/production.example.json")), Map.of());
    OrdersSettings settings = OrdersSettings.from(conf);
    assertThat(settings.sandbox().webhookUrl()).startsWith("https://");
  }

  @Test
  void rangesAmountsAndThePaymentProviderAreChecked() {
    Map<String, String> bad = Map.of(
        "POLYMART_ORDERS_PAYMENT_TIMEOUT_SECONDS", "85801",
        "POLYMART_ORDERS_SWEEP_INTERVAL_SECONDS", "0",
        "POLYMART_ORDERS_OUTBOX_POLL_MILLIS", "9",
        "POLYMART_ORDERS_SHIPPING_FEE", "ten",
        "POLYMART_ORDERS_SHIPPING_FREE_OVER", "99.999",
        "POLYMART_PAYMENTS_PROVIDER", "stripe",
        "POLYMART_PAYMENTS_SANDBOX_DELAY_SECONDS", "601",
        "POLYMART_PAYMENTS_SANDBOX_TOLERANCE_SECONDS", "29",
        "POLYMART_PAYMENTS_SANDBOX_WEBHOOK_URL", "ftp://shop.example.com/hook");
    Map<String, String> messages = Map.of(
        "POLYMART_ORDERS_PAYMENT_TIMEOUT_SECONDS",
        "Configuration key 'orders.paymentTimeoutSeconds' must be between 1 and 85800, got 85801",
        "POLYMART_ORDERS_SWEEP_INTERVAL_SECONDS",
        "Configuration key 'orders.sweepIntervalSeconds' must be between 1 and 3600, got 0",
        "POLYMART_ORDERS_OUTBOX_POLL_MILLIS",
        "Configuration key 'orders.outbox.pollMillis' must be between 10 and 60000, got 9",
        "POLYMART_ORDERS_SHIPPING_FEE",
        "Configuration key 'orders.shipping.fee' must be an amount like \"10.00\", got 'ten'",
        "POLYMART_ORDERS_SHIPPING_FREE_OVER",
        "Configuration key 'orders.shipping.freeOver' must be an amount like \"10.00\", got '99.999'",
        "POLYMART_PAYMENTS_PROVIDER",
        "Configuration key 'payments.provider' must be 'sandbox' (the only built-in provider), got 'stripe'",
        "POLYMART_PAYMENTS_SANDBOX_DELAY_SECONDS",
        "Configuration key 'payments.sandbox.delaySeconds' must be between 0 and 600, got 601",
        "POLYMART_PAYMENTS_SANDBOX_TOLERANCE_SECONDS",
        "Configuration key 'payments.sandbox.toleranceSeconds' must be between 30 and 3600, got 29",
        "POLYMART_PAYMENTS_SANDBOX_WEBHOOK_URL",
        "Configuration key 'payments.sandbox.webhookUrl' must be empty or an http(s) URL, got "
            + "'ftp://shop.example.com/hook'");
    for (Map.Entry<String, String> entry : bad.entrySet()) {
      JsonObject conf = withJwtSecret(ConfigLoader.load(Optional.empty(), Map.of(entry.getKey(), entry.getValue())));
      assertThatThrownBy(() -> OrdersSettings.from(conf)).as(entry.getKey()).isInstanceOf(ConfigException.class)
          .hasMessage(messages.get(entry.getKey()));
    }
    OrdersSettings edges = OrdersSettings.from(withJwtSecret(ConfigLoader.load(Optional.empty(), Map.of(
        "POLYMART_ORDERS_PAYMENT_TIMEOUT_SECONDS", "85800", "POLYMART_ORDERS_SHIPPING_FEE", "0",
        "POLYMART_PAYMENTS_SANDBOX_WEBHOOK_URL", "http://10.0.0.5:8080/api/v1/payments/webhook/sandbox"))));
    assertThat(edges.paymentTimeoutSeconds()).isEqualTo(85800);
    assertThat(edges.sandbox().webhookUrl()).isEqualTo("http://10.0.0.5:8080/api/v1/payments/webhook/sandbox");
  }

  @Test
  void theReconciliationTimesAreChecked() {
    Map<String, String> messages = Map.of(
        "POLYMART_PAYMENTS_RECONCILE_AFTER_SECONDS=0",
        "Configuration key 'payments.reconcile.afterSeconds' must be between 1 and 86400, got 0",
        "POLYMART_PAYMENTS_RECONCILE_AFTER_SECONDS=86401",
        "Configuration key 'payments.reconcile.afterSeconds' must be between 1 and 86400, got 86401",
        "POLYMART_PAYMENTS_RECONCILE_INTERVAL_SECONDS=0",
        "Configuration key 'payments.reconcile.intervalSeconds' must be between 1 and 3600, got 0",
        "POLYMART_PAYMENTS_RECONCILE_INTERVAL_SECONDS=3601",
        "Configuration key 'payments.reconcile.intervalSeconds' must be between 1 and 3600, got 3601");
    messages.forEach((setting, message) -> {
      String[] variable = setting.split("=");
      JsonObject conf = withJwtSecret(ConfigLoader.load(Optional.empty(), Map.of(variable[0], variable[1])));
      assertThatThrownBy(() -> OrdersSettings.from(conf)).as(setting).isInstanceOf(ConfigException.class)
          .hasMessage(message);
    });
    OrdersSettings edges = OrdersSettings.from(withJwtSecret(ConfigLoader.load(Optional.empty(), Map.of(
        "POLYMART_PAYMENTS_RECONCILE_AFTER_SECONDS", "86400", "POLYMART_PAYMENTS_RECONCILE_INTERVAL_SECONDS", "1"))));
    assertThat(edges.reconcileAfterSeconds()).isEqualTo(86400);
    assertThat(edges.reconcileIntervalSeconds()).isEqualTo(1);
  }

  /** Local mode generates the JWT secret at start-up, before the verticles read their settings. */
  private static JsonObject withJwtSecret(JsonObject conf) {
    conf.getJsonObject("jwt").put("secret", "s".repeat(40));
    return conf;
  }
}
