package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real resources for the fuzzed requests: the callers (a customer, a seller, an admin) and the ids their paths and
 * bodies name, so that valid request cases reach real handlers instead of stopping at {@code 404}.
 */
final class FuzzSeeds {
  final Users.Session customer;
  final Users.Session seller;
  final Users.Session admin;
  private final Shop shop;
  /** An account of its own for the requests that end every session of the caller. */
  private final Users.Session leaver;
  /** Path-parameter values by path template prefix and parameter name, most specific first. */
  private final Map<String, String> pathValues = new LinkedHashMap<>();
  /** Body-property values for uuid-shaped properties of these names. */
  private final Map<String, String> bodyIds = new LinkedHashMap<>();

  private FuzzSeeds(Shop shop) {
    this.shop = shop;
    Shop.Buyer buyer = shop.buyer();
    customer = buyer.session();
    seller = shop.seller();
    admin = shop.admin();
    Shop.Sku sku = shop.stockedSku("19.90", 100_000);
    JsonObject order = shop.order(buyer, sku, 1);
    assertThat(shop.addToCart(buyer, sku, 1).status()).isEqualTo(200);
    JsonObject image = shop.fx.uploadOk(seller, sku.productId(), CatalogFixtures.image("seed.png", "image/png",
        CatalogFixtures.png(64, 64, false)));
    JsonObject category = shop.fx.ownCategory("fuzz");
    JsonObject brand = shop.fx.brand("Fuzz " + CatalogFixtures.word(6), "fuzz-" + CatalogFixtures.word(8));
    // the admin fuzzes roles and status of an account of its own, not of the callers above
    Users.Session target = shop.fx.customer();
    // a second session of the customer, for DELETE /me/sessions/{id}: the one in use must live on
    String otherSession = sessionId(Users.login(TestPlatform.client(), customer.email(), Users.PASSWORD));
    String coupon = coupon();
    leaver = shop.fx.customer();

    path("/api/v1/me/sessions/{id}", "id", otherSession);
    path("/api/v1/me/addresses/{id}", "id", buyer.addressId());
    path("/api/v1/admin/users/{id}", "id", target.userId());
    path("/api/v1/categories/{id}", "id", category.getString("id"));
    path("/api/v1/brands/{id}", "id", brand.getString("id"));
    path("/api/v1/products/{id}/images/{imageId}", "imageId", image.getString("id"));
    path("/api/v1/products/{id}", "id", sku.productId());
    path("/api/v1/skus/{id}", "id", sku.skuId());
    path("/api/v1/cart/items/{skuId}", "skuId", sku.skuId());
    path("/api/v1/orders/{id}", "id", order.getString("id"));
    path("/api/v1/admin/orders/{id}", "id", order.getString("id"));
    path("/api/v1/coupons/{code}", "code", coupon);
    path("/api/v1/payments/webhook/{provider}", "provider", "sandbox");
    path("/media/{key}", "key", image.getJsonObject("urls").getString("thumbnail").substring("/media/".length()));

    bodyIds.put("skuId", sku.skuId());
    bodyIds.put("addressId", buyer.addressId());
    bodyIds.put("categoryId", category.getString("id"));
    bodyIds.put("brandId", brand.getString("id"));
  }

  static FuzzSeeds create() {
    return new FuzzSeeds(new Shop());
  }

  /** A fresh session of an account of its own, for requests that end every session of the caller. */
  Users.Session leaverSession() {
    return Users.login(TestPlatform.client(), leaver.email(), Users.PASSWORD);
  }

  /** The seeded value of a path parameter, if the path names a seeded resource there. */
  Optional<String> pathValue(String pathTemplate, String name) {
    for (Map.Entry<String, String> seed : pathValues.entrySet()) {
      String prefix = seed.getKey().substring(0, seed.getKey().indexOf(' '));
      String param = seed.getKey().substring(seed.getKey().indexOf(' ') + 1);
      if (param.equals(name) && (pathTemplate.equals(prefix) || pathTemplate.startsWith(prefix + "/"))) {
        return Optional.of(seed.getValue());
      }
    }
    return Optional.empty();
  }

  /** The seeded id for a uuid-valued body property of this name. */
  Optional<String> bodyId(String property) {
    return Optional.ofNullable(bodyIds.get(property));
  }

  private void path(String prefix, String name, String value) {
    pathValues.put(prefix + " " + name, value);
  }

  private String coupon() {
    String code = "FUZZ" + CatalogFixtures.word(8).toUpperCase();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Reply reply = shop.http.post(API + "/coupons").bearer(admin.accessToken()).json(new JsonObject()
        .put("code", code).put("type", "FIXED").put("value", "1.00").put("totalQuantity", 1000)
        .put("startsAt", now.minus(1, ChronoUnit.DAYS).toString())
        .put("endsAt", now.plus(1, ChronoUnit.DAYS).toString()))
        .send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return code;
  }

  private static String sessionId(Users.Session session) {
    String payload = session.accessToken().split("\\.")[1];
    return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).getString("sid");
  }
}
