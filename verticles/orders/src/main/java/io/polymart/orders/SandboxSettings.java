package io.polymart.orders;

import io.polymart.core.config.ConfigException;
import io.polymart.core.config.ConfigValues;
import io.polymart.orders.payment.SandboxProvider;
import io.polymart.orders.payment.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.nio.charset.StandardCharsets;

/** {@code payments.*}: the sandbox provider's settings, checked, with the local defaults filled in. */
record SandboxSettings(String secret, String webhookUrl, int delaySeconds, long toleranceSeconds) {

  static SandboxSettings from(JsonObject conf) {
    JsonObject payments = conf.getJsonObject("payments");
    if (!SandboxProvider.NAME.equals(payments.getString("provider"))) {
      throw new ConfigException("Configuration key 'payments.provider' must be 'sandbox' (the only built-in provider), "
          + "got '" + payments.getString("provider") + "'");
    }
    JsonObject sandbox = payments.getJsonObject("sandbox");
    int delaySeconds = (int) ConfigValues.inRange(conf, "payments.sandbox.delaySeconds", 0, 600);
    long toleranceSeconds = ConfigValues.inRange(conf, "payments.sandbox.toleranceSeconds", 30, 3600);
    String webhookUrl = sandbox.getString("webhookUrl");
    if (!webhookUrl.isEmpty() && !webhookUrl.matches("https?://\\S+")) {
      throw new ConfigException("Configuration key 'payments.sandbox.webhookUrl' must be empty or an http(s) URL, got '"
          + webhookUrl + "'");
    }
    return new SandboxSettings(secret(conf), webhookUrl.isEmpty()
        ? "http://127.0.0.1:" + conf.getJsonObject("http").getInteger("port") + "/api/v1/payments/webhook/sandbox"
        : webhookUrl, delaySeconds, toleranceSeconds);
  }

  /** The provider, keeping its records through {@code records}. */
  SandboxProvider provider(Vertx vertx, SqlClient records) {
    return new SandboxProvider(vertx, records, secret, webhookUrl, delaySeconds, toleranceSeconds);
  }

  /**
   * {@code payments.sandbox.secret}, or else one derived from the JWT secret: every node of a deployment then signs
   * and verifies with the same key without another secret to hand out.
   */
  private static String secret(JsonObject conf) {
    String configured = conf.getJsonObject("payments").getJsonObject("sandbox").getString("secret", "");
    if (!configured.isEmpty()) {
      return configured;
    }
    byte[] jwtSecret = conf.getJsonObject("jwt").getString("secret").getBytes(StandardCharsets.UTF_8);
    return WebhookSignature.hmacHex(jwtSecret, "polymart-sandbox-webhook");
  }
}
