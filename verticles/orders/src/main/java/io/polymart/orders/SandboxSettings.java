package io.polymart.orders;

import io.polymart.orders.payment.SandboxProvider;
import io.polymart.orders.payment.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/** Builds the sandbox provider from {@code payments.sandbox}, filling in the local defaults. */
final class SandboxSettings {
  private SandboxSettings() {
  }

  static SandboxProvider provider(Vertx vertx, JsonObject conf) {
    JsonObject sandbox = conf.getJsonObject("payments").getJsonObject("sandbox");
    return new SandboxProvider(vertx, secret(conf), webhookUrl(conf), sandbox.getInteger("delaySeconds"),
        sandbox.getLong("toleranceSeconds"));
  }

  /**
   * {@code payments.sandbox.secret}, or else one derived from the JWT secret: every node of a deployment then signs
   * and verifies with the same key without another secret to hand out.
   */
  static String secret(JsonObject conf) {
    String configured = conf.getJsonObject("payments").getJsonObject("sandbox").getString("secret", "");
    if (!configured.isEmpty()) {
      return configured;
    }
    byte[] jwtSecret = conf.getJsonObject("jwt").getString("secret").getBytes(StandardCharsets.UTF_8);
    return WebhookSignature.hmacHex(jwtSecret, "polymart-sandbox-webhook");
  }

  /** {@code payments.sandbox.webhookUrl}, or this node's own gateway. */
  static String webhookUrl(JsonObject conf) {
    String configured = conf.getJsonObject("payments").getJsonObject("sandbox").getString("webhookUrl", "");
    return configured.isEmpty()
        ? "http://127.0.0.1:" + conf.getJsonObject("http").getInteger("port") + "/api/v1/payments/webhook/sandbox"
        : configured;
  }
}
