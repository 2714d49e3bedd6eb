package io.polymart.storefront;

import io.vertx.core.Future;

import java.util.function.Function;

/**
 * Which page a path is: {@code /}, {@code /search}, {@code /products/{id}}, {@code /cart}, {@code /checkout},
 * {@code /orders}, {@code /orders/{id}}, {@code /review}, the session forms' {@code /account/*}, and the console's
 * {@code /admin} and {@code /admin/products/{id}}; anything else is not found. Who may see a page is decided here: a
 * guest asking for a shopper's page signs in first, and the console is for sellers and admins.
 */
final class Pages {
  private final HomePage home;
  private final SearchPage search;
  private final ProductPage product;
  private final AccountPages account;
  private final CartPage cart;
  private final CheckoutPage checkout;
  private final OrderPages orders;
  private final ReviewPage review;
  private final AdminConsole console;
  private final AdminProductPage stock;

  Pages(HomePage home, SearchPage search, ProductPage product, AccountPages account, CartPage cart,
      CheckoutPage checkout, OrderPages orders, ReviewPage review, AdminConsole console, AdminProductPage stock) {
    this.review = review;
    this.console = console;
    this.stock = stock;
    this.home = home;
    this.search = search;
    this.product = product;
    this.account = account;
    this.cart = cart;
    this.checkout = checkout;
    this.orders = orders;
  }

  Future<Page> page(PageRequest request) {
    String path = request.path();
    return switch (path) {
      case "/" -> home.render(request);
      case SearchLinks.PATH -> search.render(request);
      case AccountPages.SIGN_IN, AccountPages.REGISTER, AccountPages.SIGN_OUT -> account.render(request);
      case CartPage.PATH -> cart.render(request);
      case CheckoutPage.PATH -> signedIn(request, checkout::render);
      case OrderPages.LIST -> signedIn(request, orders::list);
      case ReviewPage.PATH -> signedIn(request, review::render);
      case AdminConsole.PATH -> staff(request, console::render);
      default -> {
        String productId = idAfter(path, ProductPage.PREFIX);
        String orderId = idAfter(path, OrderPages.PREFIX);
        String stockOf = idAfter(path, AdminConsole.PRODUCT_PREFIX);
        if (productId != null) {
          yield product.render(request, productId);
        } else if (orderId != null) {
          yield signedIn(request, shopper -> orders.order(shopper, orderId));
        }
        yield stockOf != null ? staff(request, seller -> stock.render(seller, stockOf))
            : Future.succeededFuture(Page.notFound("page"));
      }
    };
  }

  /** A signed-in shopper's page: a guest signs in first and comes back to it. */
  private static Future<Page> signedIn(PageRequest request, Function<PageRequest, Future<Page>> page) {
    return request.signedIn() ? page.apply(request) : Future.succeededFuture(Page.signInFirst(request));
  }

  /** A page of the console: sellers and admins only, once signed in. */
  private static Future<Page> staff(PageRequest request, Function<PageRequest, Future<Page>> page) {
    return signedIn(request, viewer -> viewer.isStaff() ? page.apply(viewer)
        : Future.succeededFuture(Page.forbidden("the console is for sellers and admins")));
  }

  /** The last segment of {@code prefix<id>}; null for another path. */
  private static String idAfter(String path, String prefix) {
    return path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0
        ? path.substring(prefix.length()) : null;
  }
}
