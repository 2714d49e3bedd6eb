package io.polymart.storefront;

import io.vertx.core.Future;

/** Which page a path is: {@code /}, {@code /search}, {@code /products/{id}}; anything else is not found. */
final class Pages {
  private final HomePage home;
  private final SearchPage search;
  private final ProductPage product;

  Pages(HomePage home, SearchPage search, ProductPage product) {
    this.home = home;
    this.search = search;
    this.product = product;
  }

  Future<Page> page(PageRequest request) {
    String path = request.path();
    if ("/".equals(path)) {
      return home.render(request);
    }
    if (SearchLinks.PATH.equals(path)) {
      return search.render(request);
    }
    if (path.startsWith(ProductPage.PREFIX) && path.indexOf('/', ProductPage.PREFIX.length()) < 0) {
      return product.render(request, path.substring(ProductPage.PREFIX.length()));
    }
    return Future.succeededFuture(Page.notFound("page"));
  }
}
