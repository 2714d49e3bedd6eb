package io.polymart.users;

import io.polymart.core.config.ConfigValues;
import io.vertx.core.json.JsonObject;

/** The users verticle's conf: {@code users.*}, the bootstrap {@code admin.*} account and
 * {@code kafka.bootstrapServers} (activity and the audit events), checked on reading. */
public record UsersSettings(int bcryptCost, int maxAddresses, RateLimits rateLimit, String adminEmail,
    String adminPassword, String kafkaBootstrapServers) {
  /** {@code users.rateLimit.*}: attempts allowed per window. */
  public record RateLimits(int windowSeconds, int loginPerIp, int loginPerAccount, int registerPerIp, int registerPerAccount) {
  }

  public static UsersSettings from(JsonObject config) {
    JsonObject users = config.getJsonObject("users");
    JsonObject limits = users.getJsonObject("rateLimit");
    JsonObject admin = config.getJsonObject("admin");
    return new UsersSettings((int) ConfigValues.inRange(config, "users.bcryptCost", 10, 16),
        users.getInteger("maxAddresses"),
        new RateLimits(limits.getInteger("windowSeconds"), limits.getInteger("loginPerIp"),
            limits.getInteger("loginPerAccount"), limits.getInteger("registerPerIp"),
            limits.getInteger("registerPerAccount")),
        admin.getString("email"), admin.getString("password"),
        config.getJsonObject("kafka").getString("bootstrapServers"));
  }
}
