package io.polymart.main;

import io.polymart.cart.CartSettings;
import io.polymart.catalog.CatalogSettings;
import io.polymart.core.config.ConfigException;
import io.polymart.orders.OrdersSettings;
import io.polymart.recommendations.RecommendationsSettings;
import io.polymart.storefront.StorefrontSettings;
import io.polymart.reviews.ReviewsSettings;
import io.polymart.reviews.image.ReviewImageSettings;
import io.polymart.users.UsersSettings;
import io.vertx.core.json.JsonObject;

/**
 * Checks every module's conf section through its own settings record before anything starts, so a bad value stops
 * the start with the key's name (exit 2) rather than when its verticle deploys on some node.
 */
public final class ModuleSettings {
  private ModuleSettings() {
  }

  /** Also run by docker/check on the conf each container of the deployment kit would start with. */
  public static JsonObject check(JsonObject config) throws ConfigException {
    // In local mode the JWT key is generated later, and the sandbox's webhook key derives from it: only the rules
    // are checked here, on a copy that has a stand-in key.
    JsonObject checked = config.copy();
    if (checked.getJsonObject("jwt").getString("secret").isEmpty()) {
      checked.getJsonObject("jwt").put("secret", "a stand-in for the key generated at start");
    }
    UsersSettings.from(checked);
    CatalogSettings.from(checked);
    CartSettings.from(checked);
    OrdersSettings.from(checked);
    ReviewsSettings.from(checked);
    RecommendationsSettings.from(checked);
    StorefrontSettings.from(checked);
    ClusterSettings.from(checked);
    ReviewImageSettings.from(checked);
    LoggingSettings.from(checked);
    TracingSettings.from(checked);
    return config;
  }
}
