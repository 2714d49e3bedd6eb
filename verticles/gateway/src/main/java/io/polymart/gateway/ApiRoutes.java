package io.polymart.gateway;

import io.vertx.core.http.HttpMethod;

import java.util.List;

import static io.polymart.core.bus.Addresses.*;
import static io.vertx.core.http.HttpMethod.*;

/** The HTTP API under {@code /api/v1}: every route, its event-bus address, access and body schema. */
final class ApiRoutes {
  static final String PREFIX = "/api/v1";

  private ApiRoutes() {
  }

  static List<RouteSpec> all() {
    return List.of(
        route(POST, "/auth/register", USERS_REGISTER, Access.PUBLIC, "auth-register", 201),
        route(POST, "/auth/login", USERS_LOGIN, Access.PUBLIC, "auth-login", 200),
        route(POST, "/auth/refresh", USERS_REFRESH, Access.PUBLIC, "auth-refresh-token", 200),
        route(POST, "/auth/logout", USERS_LOGOUT, Access.PUBLIC, "auth-refresh-token", 204),
        route(POST, "/auth/logout-all", USERS_LOGOUT_ALL, Access.USER, null, 204),
        route(GET, "/me", USERS_ME_GET, Access.USER, null, 200),
        route(PATCH, "/me", USERS_ME_UPDATE, Access.USER, "me-update", 200),
        route(GET, "/me/sessions", USERS_SESSIONS_LIST, Access.USER, null, 200),
        route(DELETE, "/me/sessions/:id", USERS_SESSIONS_DELETE, Access.USER, null, 204),
        route(GET, "/me/addresses", USERS_ADDRESSES_LIST, Access.USER, null, 200),
        route(POST, "/me/addresses", USERS_ADDRESSES_CREATE, Access.USER, "address", 201),
        route(PUT, "/me/addresses/:id", USERS_ADDRESSES_UPDATE, Access.USER, "address", 200),
        route(DELETE, "/me/addresses/:id", USERS_ADDRESSES_DELETE, Access.USER, null, 204),
        route(POST, "/me/addresses/:id/default", USERS_ADDRESSES_SET_DEFAULT, Access.USER, null, 200),
        route(GET, "/admin/users", USERS_ADMIN_LIST, Access.ADMIN, null, 200),
        route(PATCH, "/admin/users/:id", USERS_ADMIN_UPDATE, Access.ADMIN, "admin-user-update", 200),

        route(GET, "/categories", CATALOG_CATEGORIES_LIST, Access.PUBLIC, null, 200),
        route(POST, "/categories", CATALOG_CATEGORY_CREATE, Access.ADMIN, "catalog-category-create", 201),
        route(PATCH, "/categories/:id", CATALOG_CATEGORY_UPDATE, Access.ADMIN, "catalog-category-update", 200),
        route(DELETE, "/categories/:id", CATALOG_CATEGORY_DELETE, Access.ADMIN, null, 204),
        route(GET, "/brands", CATALOG_BRANDS_LIST, Access.PUBLIC, null, 200),
        route(POST, "/brands", CATALOG_BRAND_CREATE, Access.ADMIN, "catalog-brand-create", 201),
        route(PATCH, "/brands/:id", CATALOG_BRAND_UPDATE, Access.ADMIN, "catalog-brand-update", 200),
        route(DELETE, "/brands/:id", CATALOG_BRAND_DELETE, Access.ADMIN, null, 204),
        route(GET, "/products", CATALOG_PRODUCTS_SEARCH, Access.PUBLIC, null, 200),
        route(GET, "/search/suggest", CATALOG_SEARCH_SUGGEST, Access.PUBLIC, null, 200),
        route(GET, "/search/hot", CATALOG_SEARCH_HOT, Access.PUBLIC, null, 200),
        route(GET, "/seller/products", CATALOG_SELLER_PRODUCTS, Access.SELLER, null, 200),
        route(POST, "/products", CATALOG_PRODUCT_CREATE, Access.SELLER, "catalog-product-create", 201),
        route(GET, "/products/:id", CATALOG_PRODUCT_GET, Access.OPTIONAL, null, 200),
        route(PATCH, "/products/:id", CATALOG_PRODUCT_UPDATE, Access.SELLER, "catalog-product-update", 200),
        route(DELETE, "/products/:id", CATALOG_PRODUCT_DELETE, Access.SELLER, null, 204),
        route(GET, "/products/:id/price-history", CATALOG_PRODUCT_PRICE_HISTORY, Access.PUBLIC, null, 200),
        route(POST, "/products/:id/publish", CATALOG_PRODUCT_PUBLISH, Access.SELLER, null, 200),
        route(POST, "/products/:id/unpublish", CATALOG_PRODUCT_UNPUBLISH, Access.SELLER, null, 200),
        route(POST, "/products/:id/skus", CATALOG_SKU_CREATE, Access.SELLER, "catalog-sku-create", 201),
        route(PUT, "/products/:id/images/order", CATALOG_IMAGE_REORDER, Access.SELLER, "catalog-image-order", 200),
        route(POST, "/products/:id/images/:imageId/cover", CATALOG_IMAGE_COVER, Access.SELLER, null, 200),
        route(DELETE, "/products/:id/images/:imageId", CATALOG_IMAGE_DELETE, Access.SELLER, null, 204),
        route(PATCH, "/skus/:id", CATALOG_SKU_UPDATE, Access.SELLER, "catalog-sku-update", 200),
        route(PUT, "/skus/:id/price", CATALOG_SKU_PRICE, Access.SELLER, "catalog-sku-price", 200),
        route(POST, "/skus/:id/stock", CATALOG_SKU_STOCK, Access.SELLER, "catalog-sku-stock", 200),

        route(GET, "/cart", CART_GET, Access.OPTIONAL, null, 200),
        route(DELETE, "/cart", CART_CLEAR, Access.OPTIONAL, null, 204),
        route(POST, "/cart/items", CART_ITEM_ADD, Access.OPTIONAL, "cart-item-add", 200),
        route(PATCH, "/cart/items/:skuId", CART_ITEM_UPDATE, Access.OPTIONAL, "cart-item-update", 200),
        route(DELETE, "/cart/items/:skuId", CART_ITEM_REMOVE, Access.OPTIONAL, null, 200),

        route(POST, "/orders", ORDERS_PLACE, Access.USER, "order-place", 201),
        route(GET, "/orders", ORDERS_LIST, Access.USER, null, 200),
        route(GET, "/orders/:id", ORDERS_GET, Access.USER, null, 200),
        route(POST, "/orders/:id/cancel", ORDERS_CANCEL, Access.USER, null, 200),
        route(POST, "/orders/:id/confirm-receipt", ORDERS_CONFIRM_RECEIPT, Access.USER, null, 200),
        route(POST, "/orders/:id/refund", ORDERS_REFUND_REQUEST, Access.USER, "order-refund", 200),
        route(POST, "/orders/:id/pay", ORDERS_PAY, Access.USER, "order-pay", 201),
        route(GET, "/admin/orders", ORDERS_ADMIN_LIST, Access.SELLER, null, 200),
        route(GET, "/admin/orders/:id", ORDERS_ADMIN_GET, Access.SELLER, null, 200),
        route(POST, "/admin/orders/:id/ship", ORDERS_ADMIN_SHIP, Access.SELLER, "order-ship", 200),
        route(POST, "/admin/orders/:id/deliver", ORDERS_ADMIN_DELIVER, Access.SELLER, null, 200),
        route(POST, "/admin/orders/:id/refund/approve", ORDERS_ADMIN_REFUND_APPROVE, Access.SELLER, null, 200),
        route(POST, "/admin/orders/:id/refund/reject", ORDERS_ADMIN_REFUND_REJECT, Access.SELLER, null, 200),

        route(POST, "/coupons", COUPONS_CREATE, Access.ADMIN, "coupon-create", 201),
        route(GET, "/admin/coupons", COUPONS_LIST, Access.ADMIN, null, 200),
        route(POST, "/coupons/:code/claim", COUPONS_CLAIM, Access.USER, null, 201),
        route(GET, "/me/coupons", COUPONS_MINE, Access.USER, null, 200));
  }

  /** A payment provider's callback, whose raw body is passed on (see {@link PaymentWebhooks}). */
  static RouteSpec paymentWebhook() {
    return route(POST, "/payments/webhook/:provider", ORDERS_PAYMENT_WEBHOOK, Access.PUBLIC, null, 200);
  }

  /** The multipart image upload, which has its own body handling (see {@link ImageUploads}). */
  static RouteSpec imageUpload() {
    return route(POST, "/products/:id/images", CATALOG_IMAGE_UPLOAD, Access.SELLER, null, 201);
  }

  private static RouteSpec route(HttpMethod method, String path, String address, Access access, String schema,
      int status) {
    return new RouteSpec(method, PREFIX + path, address, access, schema, status);
  }
}
