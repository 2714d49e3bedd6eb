package io.polymart.core.bus;

import java.util.Set;

/**
 * Event-bus addresses: {@code <verticle>.<action>}. The contract between verticles lives here. Every address a
 * verticle binds is either the {@code x-polymart-address} of an operation in {@code schemas/openapi.yaml} or one of
 * {@link #SERVICE_CALLS}, asked only by other verticles (checked by a test on the deployed platform).
 */
public final class Addresses {
  public static final String PLATFORM_READY = "platform.ready";
  /** Any node answers for the whole cluster: its nodes, their verticles' instances and load. */
  public static final String PLATFORM_DESCRIBE = "platform.describe";
  /** Any node passes the change on to the node it names. */
  public static final String PLATFORM_SCALE = "platform.scale";

  public static final String USERS_REGISTER = "users.register";
  public static final String USERS_LOGIN = "users.login";
  public static final String USERS_REFRESH = "users.refresh";
  public static final String USERS_LOGOUT = "users.logout";
  public static final String USERS_LOGOUT_ALL = "users.logout-all";
  public static final String USERS_SESSIONS_LIST = "users.sessions.list";
  public static final String USERS_SESSIONS_DELETE = "users.sessions.delete";
  public static final String USERS_ME_GET = "users.me.get";
  public static final String USERS_ME_UPDATE = "users.me.update";
  public static final String USERS_ADDRESSES_LIST = "users.addresses.list";
  public static final String USERS_ADDRESSES_CREATE = "users.addresses.create";
  public static final String USERS_ADDRESSES_UPDATE = "users.addresses.update";
  public static final String USERS_ADDRESSES_DELETE = "users.addresses.delete";
  public static final String USERS_ADDRESSES_SET_DEFAULT = "users.addresses.set-default";
  /** Service call: {@code params.id} with the caller in the user header → that user's address, else 404. */
  public static final String USERS_ADDRESSES_GET = "users.addresses.get";
  public static final String USERS_ADMIN_LIST = "users.admin.list";
  public static final String USERS_ADMIN_UPDATE = "users.admin.update";
  public static final String USERS_ADMIN_AUDIT = "users.admin.audit";
  /** Published: an access-token revocation, {@code {sessionId, expiresAt}} or {@code {userId, minVersion, expiresAt}}. */
  public static final String USERS_REVOCATIONS = "users.revocations";
  /** Request: every revocation still in force, {@code {items: [...]}}. */
  public static final String USERS_REVOCATIONS_LIST = "users.revocations.list";

  public static final String CATALOG_CATEGORIES_LIST = "catalog.categories.list";
  public static final String CATALOG_CATEGORY_CREATE = "catalog.category.create";
  public static final String CATALOG_CATEGORY_UPDATE = "catalog.category.update";
  public static final String CATALOG_CATEGORY_DELETE = "catalog.category.delete";
  public static final String CATALOG_BRANDS_LIST = "catalog.brands.list";
  public static final String CATALOG_BRAND_CREATE = "catalog.brand.create";
  public static final String CATALOG_BRAND_UPDATE = "catalog.brand.update";
  public static final String CATALOG_BRAND_DELETE = "catalog.brand.delete";
  public static final String CATALOG_PRODUCTS_SEARCH = "catalog.products.search";
  public static final String CATALOG_SEARCH_SUGGEST = "catalog.search.suggest";
  public static final String CATALOG_SEARCH_HOT = "catalog.search.hot";
  public static final String CATALOG_SELLER_PRODUCTS = "catalog.seller.products";
  /**
   * The product page; other verticles ask it on nobody's behalf through {@code CatalogProductClient} (only an
   * {@code ACTIVE} product answers, anything else is 404).
   */
  public static final String CATALOG_PRODUCT_GET = "catalog.product.get";
  public static final String CATALOG_PRODUCT_PRICE_HISTORY = "catalog.product.price-history";
  public static final String CATALOG_PRODUCT_CREATE = "catalog.product.create";
  public static final String CATALOG_PRODUCT_UPDATE = "catalog.product.update";
  public static final String CATALOG_PRODUCT_PUBLISH = "catalog.product.publish";
  public static final String CATALOG_PRODUCT_UNPUBLISH = "catalog.product.unpublish";
  public static final String CATALOG_PRODUCT_DELETE = "catalog.product.delete";
  public static final String CATALOG_SKU_CREATE = "catalog.sku.create";
  public static final String CATALOG_SKU_UPDATE = "catalog.sku.update";
  public static final String CATALOG_SKU_PRICE = "catalog.sku.price";
  public static final String CATALOG_SKU_STOCK = "catalog.sku.stock";
  /** Body {@code {file: bytes, cover: boolean}} from a multipart upload. */
  public static final String CATALOG_IMAGE_UPLOAD = "catalog.image.upload";
  public static final String CATALOG_IMAGE_DELETE = "catalog.image.delete";
  public static final String CATALOG_IMAGE_REORDER = "catalog.image.reorder";
  public static final String CATALOG_IMAGE_COVER = "catalog.image.cover";
  /** Request {@code {key}} → {@code {contentType, bytes}}: an image object under {@code /media/}. */
  public static final String CATALOG_MEDIA_GET = "catalog.media.get";
  /**
   * Inventory contract for orders. {@code {reservationId, items: [{skuId, quantity}], ttlSeconds}} →
   * {@code {reservationId, status, expiresAt, lines: [{skuId, productId, sellerId, code, name, attributes, image,
   * unitPrice, quantity}]}}; all lines or none (409 INSUFFICIENT_STOCK naming the short SKUs); idempotent by
   * reservationId.
   */
  public static final String CATALOG_STOCK_RESERVE = "catalog.stock.reserve";
  /** {@code {reservationId}}: reserved units become sold. Idempotent. */
  public static final String CATALOG_STOCK_CONFIRM = "catalog.stock.confirm";
  /**
   * {@code {reservationId}}: reserved units go back to available. Idempotent. An unknown reservation is recorded as
   * released, so a reserve that arrives after it (one whose answer was lost) reserves nothing.
   */
  public static final String CATALOG_STOCK_RELEASE = "catalog.stock.release";

  /** {@code {reservationId}}: confirmed (sold) units come back on hand, sold counts go down. Idempotent. */
  public static final String CATALOG_STOCK_RESTORE = "catalog.stock.restore";
  /**
   * {@code {skuIds: [...]}} (1 to 100) → {@code {items: [{skuId, productId, sellerId, code, name, attributes, image,
   * unitPrice, available, forSale}]}}: the current view of each known SKU, for carts. Unknown ids are left out.
   */
  public static final String CATALOG_SKUS_LOOKUP = "catalog.skus.lookup";

  /**
   * Cart addresses. The owner is the user header or, for guests, the {@code x-cart-token} header; replies that
   * create a guest cart carry the token back in the {@code x-cart-token} reply header.
   */
  public static final String CART_GET = "cart.get";
  public static final String CART_ITEM_ADD = "cart.item.add";
  public static final String CART_ITEM_UPDATE = "cart.item.update";
  public static final String CART_ITEM_REMOVE = "cart.item.remove";
  public static final String CART_CLEAR = "cart.clear";
  /** {@code {guestToken}} with the user header: moves the guest cart's lines into the user's cart. */
  public static final String CART_MERGE = "cart.merge";
  /** Service call with the user header → {@code {items: [{skuId, quantity}]}}: the selected lines, for checkout. */
  public static final String CART_SELECTED = "cart.selected";
  /** Service call {@code {skuIds: [...]}} with the user header: purchased lines leave the cart. */
  public static final String CART_REMOVE_LINES = "cart.remove-lines";

  public static final String ORDERS_PLACE = "orders.place";
  public static final String ORDERS_LIST = "orders.list";
  public static final String ORDERS_GET = "orders.get";
  public static final String ORDERS_CANCEL = "orders.cancel";
  public static final String ORDERS_CONFIRM_RECEIPT = "orders.confirm-receipt";
  public static final String ORDERS_REFUND_REQUEST = "orders.refund.request";
  public static final String ORDERS_PAY = "orders.pay";
  public static final String ORDERS_ADMIN_LIST = "orders.admin.list";
  public static final String ORDERS_ADMIN_GET = "orders.admin.get";
  public static final String ORDERS_ADMIN_SHIP = "orders.admin.ship";
  public static final String ORDERS_ADMIN_DELIVER = "orders.admin.deliver";
  public static final String ORDERS_ADMIN_SALES = "orders.admin.sales";
  public static final String ORDERS_ADMIN_REFUND_APPROVE = "orders.admin.refund.approve";
  public static final String ORDERS_ADMIN_REFUND_REJECT = "orders.admin.refund.reject";
  /**
   * A payment provider's callback, verified by the orders verticle: {@code {provider, payload, signature,
   * timestamp}} where {@code payload} is the raw request body, byte for byte as received.
   */
  public static final String ORDERS_PAYMENT_WEBHOOK = "orders.payments.webhook";
  public static final String COUPONS_CREATE = "orders.coupons.create";
  public static final String COUPONS_LIST = "orders.coupons.list";
  public static final String COUPONS_CLAIM = "orders.coupons.claim";
  public static final String COUPONS_MINE = "orders.coupons.mine";

  /**
   * Service call {@code {userId}} → {@code {items: [{productId, skuIds, eligible, orders: [{orderId, status,
   * skuIds}]}]}}: what the user bought, by product id, as the reviews verticle learned it from
   * {@code polymart.orders}. {@code eligible} when an order of the product is DELIVERED or COMPLETED; {@code skuIds}
   * the SKUs of those orders. Eventually consistent: an order's change shows a moment after it is made.
   */
  public static final String REVIEWS_PURCHASES_LIST = "reviews.purchases.list";
  /**
   * The review operations of {@code schemas/openapi.yaml} (create, published list, summary, the author's update,
   * delete and own list, moderation by sellers and admins, the seller's reply); the gateway forwards them, the
   * OpenAPI document gives their shapes.
   */
  public static final String REVIEWS_CREATE = "reviews.create";
  public static final String REVIEWS_LIST = "reviews.list";
  public static final String REVIEWS_SUMMARY = "reviews.summary";
  public static final String REVIEWS_UPDATE = "reviews.update";
  public static final String REVIEWS_MINE = "reviews.mine";
  public static final String REVIEWS_DELETE = "reviews.delete";
  public static final String REVIEWS_ADMIN_LIST = "reviews.admin.list";
  public static final String REVIEWS_ADMIN_PUBLISH = "reviews.admin.publish";
  public static final String REVIEWS_ADMIN_REJECT = "reviews.admin.reject";
  public static final String REVIEWS_REPLY = "reviews.reply";
  public static final String REVIEWS_REPLY_DELETE = "reviews.reply.delete";
  /** Helpful votes ({@code POST}/{@code DELETE /reviews/{id}/votes}) and reports of a review. */
  public static final String REVIEWS_VOTE = "reviews.vote";
  public static final String REVIEWS_UNVOTE = "reviews.unvote";
  public static final String REVIEWS_REPORT = "reviews.report";
  /** {@code {file}} (the uploaded bytes) from the signed-in user → {@code {id, thumbnail, large}}. */
  public static final String REVIEWS_IMAGE_UPLOAD = "reviews.image.upload";
  /**
   * Service call {@code {key}} → {@code {contentType, bytes}}: a review image object under {@code /media/reviews/},
   * asked by the gateway's media route (the {@code /media/} operation names {@link #CATALOG_MEDIA_GET}).
   */
  public static final String REVIEWS_MEDIA_GET = "reviews.media.get";
  /**
   * The recommendation operations of {@code schemas/openapi.yaml}: a product's bought-together, viewed-together or
   * similar products, "for you" (the caller by token or {@code X-Visitor-Id}) and trending.
   */
  public static final String RECS_PRODUCT = "recommendations.product";
  public static final String RECS_FOR_YOU = "recommendations.forYou";
  public static final String RECS_TRENDING = "recommendations.trending";

  /**
   * The storefront's pages: the gateway sends every request for a page ({@code GET} outside {@code /api/}) as
   * {@code {path, query: {name: value}, visitorId}} and writes the reply {@code {status, html}} as it is.
   */
  public static final String STOREFRONT_PAGE = "storefront.page";
  /** The storefront's static files by content-hashed name: {@code {name}} to {@code {contentType, content}}. */
  public static final String STOREFRONT_ASSET = "storefront.asset";

  /** Request/reply addresses that only other verticles call; no operation of the JSON API reaches them. */
  public static final Set<String> SERVICE_CALLS = Set.of(USERS_ADDRESSES_GET, USERS_REVOCATIONS_LIST,
      CATALOG_STOCK_RESERVE, CATALOG_STOCK_CONFIRM, CATALOG_STOCK_RELEASE, CATALOG_STOCK_RESTORE, CATALOG_SKUS_LOOKUP,
      CART_MERGE, CART_SELECTED, CART_REMOVE_LINES, REVIEWS_PURCHASES_LIST, REVIEWS_MEDIA_GET, STOREFRONT_PAGE,
      STOREFRONT_ASSET);
  /**
   * Published to every node: live events for one user ({@code {type: "order.status" | "cart.changed", ...}}), which
   * the gateway pushes to that user's WebSocket connections.
   */
  public static String userEvents(String userId) {
    return "user.events." + userId;
  }

  /** Whether only other verticles ask {@code address}: one of {@link #SERVICE_CALLS} or a node's own agent. */
  public static boolean isServiceCall(String address) {
    return SERVICE_CALLS.contains(address) || address.startsWith("platform.node.");
  }

  /** One node's own agent ({@code describe}, {@code scale}), asked by the node that answers the cluster's request. */
  public static String platformNode(String nodeId, String action) {
    return "platform.node." + nodeId + "." + action;
  }

  private Addresses() {
  }
}
