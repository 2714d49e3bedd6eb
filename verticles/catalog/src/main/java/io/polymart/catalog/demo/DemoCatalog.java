package io.polymart.catalog.demo;

import java.util.List;
import java.util.Objects;

/**
 * A deterministic demo catalog: categories (about 11 top-level ones with sub-categories), 30
 * invented brands and {@code productCount} products with 3 SKUs each on average (1 to 5). The same
 * product count always yields an identical catalog.
 *
 * <p>Pure data: nothing is stored or sent anywhere; a loader feeds it to the catalog service.
 */
public final class DemoCatalog {

  /** The largest product count accepted (SKU codes have six digits for the product number). */
  public static final int MAX_PRODUCTS = 100_000;

  private final List<DemoCategory> categories;
  private final List<DemoBrand> brands;
  private final List<DemoProduct> products;

  private DemoCatalog(List<DemoCategory> categories, List<DemoBrand> brands,
      List<DemoProduct> products) {
    this.categories = List.copyOf(categories);
    this.brands = List.copyOf(brands);
    this.products = List.copyOf(products);
  }

  /**
   * Generates a catalog with exactly {@code productCount} products and {@code 3 * productCount}
   * SKUs.
   *
   * @throws IllegalArgumentException if {@code productCount} is negative or above
   *     {@link #MAX_PRODUCTS}
   */
  public static DemoCatalog generate(int productCount) {
    if (productCount < 0 || productCount > MAX_PRODUCTS) {
      throw new IllegalArgumentException(
          "productCount must be between 0 and " + MAX_PRODUCTS + ", was " + productCount);
    }
    List<DemoBrand> brands =
        DemoVocabulary.BRANDS.stream().map(DemoVocabulary.BrandDef::toBrand).toList();
    return new DemoCatalog(DemoVocabulary.CATEGORIES, brands,
        new DemoCatalogGenerator().products(productCount));
  }

  /** Top-level categories first, then sub-categories: a parent always precedes its children. */
  public List<DemoCategory> categories() {
    return categories;
  }

  public List<DemoBrand> brands() {
    return brands;
  }

  public List<DemoProduct> products() {
    return products;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DemoCatalog other && categories.equals(other.categories)
        && brands.equals(other.brands) && products.equals(other.products);
  }

  @Override
  public int hashCode() {
    return Objects.hash(categories, brands, products);
  }

  @Override
  public String toString() {
    return "DemoCatalog[" + categories.size() + " categories, " + brands.size() + " brands, "
        + products.size() + " products]";
  }
}
