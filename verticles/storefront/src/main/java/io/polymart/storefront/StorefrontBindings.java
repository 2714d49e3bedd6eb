package io.polymart.storefront;

import io.polymart.core.bus.BusServer;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static io.polymart.core.bus.Addresses.STOREFRONT_ASSET;
import static io.polymart.core.bus.Addresses.STOREFRONT_PAGE;

/**
 * The storefront's addresses. A page always answers with HTML: a page that cannot be made (the catalog down) is the
 * "unavailable" page with status 503, never a bare error.
 */
final class StorefrontBindings {
  private static final Logger LOG = LoggerFactory.getLogger(StorefrontBindings.class);
  private final Pages pages;
  private final Templates templates;
  private final Assets assets;

  StorefrontBindings(Pages pages, Templates templates, Assets assets) {
    this.pages = pages;
    this.templates = templates;
    this.assets = assets;
  }

  BusServer bind(BusServer server) {
    return server
        .handle(STOREFRONT_PAGE, bus -> {
          PageRequest request = PageRequest.from(bus);
          return pages.page(request)
              .recover(StorefrontBindings::errorPage)
              .compose(page -> page.location() != null
                  ? Future.succeededFuture(new JsonObject().put("status", page.status()).put("location", page.location()))
                  : templates.render(page, request)
                      .map(html -> new JsonObject().put("status", page.status()).put("html", html)));
        })
        .handle(STOREFRONT_ASSET, request -> {
          Assets.Asset asset = assets.byHashedName(request.body().getString("name", ""));
          if (asset == null) {
            return Future.failedFuture(ServiceException.notFound("No such asset"));
          }
          return Future.succeededFuture(new JsonObject().put("contentType", asset.contentType())
              .put("content", asset.content()));
        });
  }

  private static Future<Page> errorPage(Throwable failure) {
    ServiceException error = ServiceException.fromFailure(failure);
    if (error.status() == 503) {
      return Future.succeededFuture(new Page(503, "unavailable", Map.of("title", "Back in a moment")));
    }
    LOG.error("A storefront page failed", failure);
    return Future.succeededFuture(new Page(500, "unavailable", Map.of("title", "Something went wrong")));
  }
}
