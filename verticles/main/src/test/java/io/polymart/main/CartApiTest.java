package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/** Carts over HTTP: guests with a token, the merge at login, limits, selection and checkout from the cart. */
class CartApiTest {
  private final Shop shop = new Shop();

  @Test
  void aGuestCartFollowsItsTokenAndJoinsTheUsersCartAtLogin() {
    Shop.Sku shirt = shop.stockedSku("15.00", 10);
    Shop.Sku socks = shop.stockedSku("3.50", 10);
    Reply guestAdd = shop.http.post(API + "/cart/items")
        .json(new JsonObject().put("skuId", shirt.skuId()).put("quantity", 2)).send();
    assertThat(guestAdd.status()).as(guestAdd.toString()).isEqualTo(200);
    String token = guestAdd.header("X-Cart-Token");
    assertThat(token).isNotBlank();
    Reply second = shop.http.post(API + "/cart/items").header("X-Cart-Token", token)
        .json(new JsonObject().put("skuId", socks.skuId()).put("quantity", 1)).send();
    assertThat(second.header("X-Cart-Token")).isNull();
    assertThat(second.json().getInteger("lineCount")).isEqualTo(2);
    assertThat(second.json().getString("subtotal")).isEqualTo("33.50");
    assertThat(shop.http.get(API + "/cart").send().json().getJsonArray("items")).isEmpty();

    Shop.Buyer buyer = shop.buyer();
    assertThat(shop.addToCart(buyer, shirt, 1).status()).isEqualTo(200);
    Reply login = shop.http.post(API + "/auth/login").header("X-Cart-Token", token)
        .json(new JsonObject().put("email", buyer.session().email()).put("password", Users.PASSWORD)).send();
    assertThat(login.status()).as(login.toString()).isEqualTo(200);

    JsonObject merged = shop.cart(buyer);
    assertThat(quantityOf(merged, shirt)).isEqualTo(3);
    assertThat(quantityOf(merged, socks)).isEqualTo(1);
    assertThat(merged.getString("subtotal")).isEqualTo("48.50");
    assertThat(shop.http.get(API + "/cart").header("X-Cart-Token", token).send().json().getJsonArray("items"))
        .isEmpty();
  }

  @Test
  void eachUserSeesOnlyTheirOwnCart() {
    Shop.Sku sku = shop.stockedSku("8.00", 10);
    Shop.Buyer alice = shop.buyer();
    Shop.Buyer bob = shop.buyer();
    shop.addToCart(alice, sku, 4);
    assertThat(shop.cart(bob).getJsonArray("items")).isEmpty();
    assertThat(shop.http.delete(API + "/cart/items/" + sku.skuId()).bearer(bob.token()).send().status())
        .isEqualTo(200);
    assertThat(shop.http.patch(API + "/cart/items/" + sku.skuId()).bearer(bob.token())
        .json(new JsonObject().put("quantity", 1)).send().status()).isEqualTo(404);
    assertThat(quantityOf(shop.cart(alice), sku)).isEqualTo(4);
    Reply forged = shop.http.get(API + "/cart").header("X-Cart-Token", "not a token").send();
    assertThat(forged.status()).isEqualTo(400);
  }

  @Test
  void addingIsCheckedAgainstTheCatalog() {
    Shop.Sku sku = shop.stockedSku("5.00", 3);
    Shop.Buyer buyer = shop.buyer();
    Reply tooMany = shop.addToCart(buyer, sku, 4);
    assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
    assertThat(tooMany.errorCode()).isEqualTo("INSUFFICIENT_STOCK");
    assertThat(shop.addToCart(buyer, sku, 0).status()).isEqualTo(400);
    assertThat(shop.addToCart(buyer, new Shop.Sku(sku.productId(), UUID.randomUUID().toString(), "1.00"), 1).status())
        .isEqualTo(404);
    Reply unpublished = shop.http.post(API + "/products/" + sku.productId() + "/unpublish")
        .bearer(shop.seller().accessToken()).send();
    assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
    Reply notForSale = shop.addToCart(buyer, sku, 1);
    assertThat(notForSale.status()).as(notForSale.toString()).isEqualTo(409);
    assertThat(shop.cart(buyer).getJsonArray("items")).isEmpty();
  }

  @Test
  void checkoutBuysTheSelectedLinesAndTheyLeaveTheCart() {
    Shop.Sku kept = shop.stockedSku("7.00", 10);
    Shop.Sku bought = shop.stockedSku("11.00", 10);
    Shop.Buyer buyer = shop.buyer();
    shop.addToCart(buyer, kept, 1);
    shop.addToCart(buyer, bought, 2);
    Reply unselected = shop.http.patch(API + "/cart/items/" + kept.skuId()).bearer(buyer.token())
        .json(new JsonObject().put("selected", false)).send();
    assertThat(unselected.status()).as(unselected.toString()).isEqualTo(200);
    assertThat(unselected.json().getString("subtotal")).isEqualTo("22.00");

    Reply order = shop.placeOrder(buyer, UUID.randomUUID().toString(), new JsonObject().put("note", "leave at door"));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    JsonArray items = order.json().getJsonArray("items");
    assertThat(items).hasSize(1);
    assertThat(items.getJsonObject(0).getString("skuId")).isEqualTo(bought.skuId());
    assertThat(order.json().getString("note")).isEqualTo("leave at door");

    JsonObject cart = shop.cart(buyer);
    assertThat(cart.getJsonArray("items")).hasSize(1);
    assertThat(quantityOf(cart, kept)).isEqualTo(1);
    assertThat(shop.http.delete(API + "/cart").bearer(buyer.token()).send().status()).isEqualTo(204);
    assertThat(shop.cart(buyer).getJsonArray("items")).isEmpty();
  }

  private static int quantityOf(JsonObject cart, Shop.Sku sku) {
    return cart.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(line -> line.getString("skuId").equals(sku.skuId())).findFirst()
        .map(line -> line.getInteger("quantity")).orElse(0);
  }
}
