package io.polymart.storefront;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The card a product shows in a list (search results, recommendations): name, link, price, image and rating, from
 * the catalog's search items or the recommendations' items, whose shapes differ a little.
 */
final class ProductCards {
  private final Prices prices;

  ProductCards(Prices prices) {
    this.prices = prices;
  }

  List<Map<String, Object>> cards(JsonArray items) {
    List<Map<String, Object>> cards = new ArrayList<>(items.size());
    for (Object item : items) {
      cards.add(card((JsonObject) item));
    }
    return cards;
  }

  Map<String, Object> card(JsonObject item) {
    Map<String, Object> card = new HashMap<>();
    card.put("id", item.getString("id"));
    card.put("name", item.getString("name"));
    card.put("url", "/products/" + item.getString("id"));
    card.put("price", prices.format(item.getString("price")));
    card.put("originalPrice", prices.format(item.getString("originalPrice")));
    Object image = item.getValue("image");
    // a search item's image is its renditions, a recommendation's one URL
    card.put("image", image instanceof JsonObject renditions ? renditions.getString("medium") : image);
    card.put("rating", Ratings.of(item.getJsonObject("rating")));
    card.put("reason", item.getString("reason"));
    return card;
  }
}
