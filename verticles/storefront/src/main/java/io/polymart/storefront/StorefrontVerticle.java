package io.polymart.storefront;

import io.polymart.core.bus.BusServer;
import io.polymart.core.client.AddressesClient;
import io.polymart.core.client.BusClient;
import io.polymart.core.client.CartClient;
import io.polymart.core.client.CatalogBrowseClient;
import io.polymart.core.client.CatalogProductClient;
import io.polymart.core.client.OrdersClient;
import io.polymart.core.client.RecommendationsClient;
import io.polymart.core.client.ReviewsClient;
import io.polymart.core.metrics.Meters;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The shop in the browser: server-rendered pages made from the other verticles' answers over the event bus. It owns
 * no data; the gateway serves what it renders ({@code storefront.page}, {@code storefront.asset}).
 */
public final class StorefrontVerticle extends VerticleBase {

  @Override
  public Future<?> start() {
    StorefrontSettings settings = StorefrontSettings.from(config());
    BusClient bus = BusClient.create(vertx, config());
    CatalogBrowseClient catalog = new CatalogBrowseClient(bus);
    RecommendationsClient recommendations = new RecommendationsClient(bus);
    Prices prices = new Prices(settings.currency());
    ProductCards cards = new ProductCards(prices);
    CartClient carts = new CartClient(bus);
    CatalogProductClient products = new CatalogProductClient(bus);
    OrdersClient orders = new OrdersClient(bus);
    ReviewsClient reviews = new ReviewsClient(bus);
    Pages pages = new Pages(new HomePage(catalog, recommendations, cards),
        new SearchPage(catalog, recommendations, cards, prices, settings.pageSize()),
        new ProductPage(products, reviews, recommendations, cards, prices, settings.currency()),
        new AccountPages(), new CartPage(carts, prices), new CheckoutPage(carts, new AddressesClient(bus), prices),
        new OrderPages(orders, prices), new ReviewPage(products), new AdminConsole(orders, reviews, products, prices),
        new AdminProductPage(products, prices));
    return vertx.executeBlocking(Assets::load).compose(assets ->
        new StorefrontBindings(pages, new Templates(vertx, assets), assets)
            .bind(new BusServer(vertx, Meters.registry(config()))).ready());
  }
}
