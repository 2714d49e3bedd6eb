package io.polymart.storefront;

import io.polymart.core.client.CatalogBrowseClient;
import io.polymart.core.client.RecommendationsClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The home page: "for you" (trending for a newcomer), what is trending today, and the categories. */
final class HomePage {
  static final int CARDS = 12;
  private final CatalogBrowseClient catalog;
  private final RecommendationsClient recommendations;
  private final ProductCards cards;

  HomePage(CatalogBrowseClient catalog, RecommendationsClient recommendations, ProductCards cards) {
    this.catalog = catalog;
    this.recommendations = recommendations;
    this.cards = cards;
  }

  Future<Page> render(PageRequest request) {
    Future<JsonArray> categories = catalog.categories().map(reply -> Fields.array(reply, "items"));
    Future<JsonArray> forYou = Sections.orEmpty(recommendations.forYou(request.shopper(), CARDS), "for you");
    Future<JsonArray> trending = Sections.orEmpty(recommendations.trending(CARDS), "trending products");
    return Future.all(categories, forYou, trending).map(all -> {
      Map<String, Object> model = new HashMap<>();
      model.put("title", "Polymart");
      model.put("categories", Fields.plain(categories.result()));
      List<Map<String, Object>> forYouCards = cards.cards(forYou.result());
      // a newcomer's "for you" is what is trending: shown once, under its own title
      boolean personal = forYouCards.stream().anyMatch(card -> !"trending".equals(card.get("reason")));
      model.put("forYou", personal ? forYouCards : List.of());
      model.put("trending", cards.cards(trending.result()));
      return Page.ok("home", model);
    });
  }
}
