package io.polymart.catalog.product;

import static io.polymart.core.db.SqlSupport.iso;

/** SQL fragments that build the product JSON shapes of the API inside PostgreSQL, in one statement. */
public final class ProductJson {
  private ProductJson() {
  }

  /** The URLs of an image row aliased {@code alias}; {@code $prefix} is the media URL prefix parameter. */
  static String imageUrls(String alias, String prefixParam) {
    return "json_build_object('original', " + prefixParam + " || " + alias + ".original_key, 'medium', "
        + prefixParam + " || " + alias + ".medium_key, 'thumbnail', " + prefixParam + " || " + alias
        + ".thumbnail_key)";
  }

  /** A SKU row {@code s} joined with its inventory row {@code i}. */
  public static String sku(String s, String i) {
    return "json_build_object('id', " + s + ".id, 'code', " + s + ".code, 'attributes', " + s + ".attributes, "
        + "'price', " + s + ".price::text, 'originalPrice', " + s + ".original_price::text, 'weight', " + s
        + ".weight::text, 'status', " + s + ".status, 'available', " + i + ".on_hand - " + i + ".reserved, "
        + "'lowStockThreshold', " + s + ".low_stock_threshold)";
  }

  public static String image(String alias, String prefixParam) {
    return "json_build_object('id', " + alias + ".id, 'position', " + alias + ".position, 'cover', " + alias
        + ".cover, 'contentType', " + alias + ".content_type, 'width', " + alias + ".width, 'height', " + alias
        + ".height, 'urls', " + imageUrls(alias, prefixParam) + ")";
  }

  /** Product {@code p} with category {@code c} and brand {@code b} (left joined): the list item shape. */
  public static String summary(String prefixParam) {
    return "json_build_object('id', p.id, 'name', p.name, 'slug', p.slug, 'status', p.status, "
        + "'category', json_build_object('id', c.id, 'name', c.name, 'slug', c.slug), "
        + "'brand', CASE WHEN b.id IS NULL THEN NULL ELSE json_build_object('id', b.id, 'name', b.name, 'slug', b.slug) END, "
        + "'price', p.min_price::text, "
        + "'originalPrice', (SELECT min(s.original_price)::text FROM catalog.skus s WHERE s.product_id = p.id "
        + "AND s.status = 'ACTIVE' AND s.price = p.min_price), "
        + "'soldCount', p.sold_count, 'rating', json_build_object('average', p.rating, 'count', p.review_count), "
        + "'image', (SELECT " + imageUrls("im", prefixParam) + " FROM catalog.product_images im "
        + "WHERE im.product_id = p.id AND im.cover), "
        + "'createdAt', " + iso("p.created_at") + ")";
  }

  /** The full product (without the Mongo detail document) for product {@code $1}. */
  static String detailQuery() {
    return "SELECT json_build_object('id', p.id, 'name', p.name, 'slug', p.slug, 'description', p.description, "
        + "'status', p.status, 'sellerId', p.seller_id, "
        + "'category', json_build_object('id', c.id, 'name', c.name, 'slug', c.slug), "
        + "'brand', CASE WHEN b.id IS NULL THEN NULL ELSE json_build_object('id', b.id, 'name', b.name, 'slug', b.slug) END, "
        + "'soldCount', p.sold_count, 'rating', json_build_object('average', p.rating, 'count', p.review_count), "
        + "'price', p.min_price::text, "
        + "'skus', coalesce((SELECT json_agg(" + sku("s", "i") + " ORDER BY s.created_at, s.code) "
        + "FROM catalog.skus s JOIN catalog.inventory i ON i.sku_id = s.id WHERE s.product_id = p.id), '[]'::json), "
        + "'images', coalesce((SELECT json_agg(" + image("im", "$2") + " ORDER BY im.position) "
        + "FROM catalog.product_images im WHERE im.product_id = p.id), '[]'::json), "
        + "'createdAt', " + iso("p.created_at") + ", 'updatedAt', " + iso("p.updated_at") + ", "
        + "'publishedAt', " + iso("p.published_at") + ") AS product "
        + "FROM catalog.products p JOIN catalog.categories c ON c.id = p.category_id "
        + "LEFT JOIN catalog.brands b ON b.id = p.brand_id WHERE p.id = $1";
  }
}
