package io.polymart.recommendations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The planted tastes of the demo shop's shoppers, derived from the demo products alone, so every start plans the same.
 * Each category's products, in slug order, are cut into bundles of two or three (the slug decides which): the
 * products "bought together". Each bundle is bought in one visit of one of {@value #SHOPPERS} shoppers (the bundle's
 * slugs pick which, so a visit does not depend on other categories): the shopper views the bundle's products and two
 * other products of its category (picked by a generator seeded with the visit's id), adds the bundle to the cart and
 * buys it.
 */
final class DemoShopperPlan {
  static final int SHOPPERS = 200;

  /** A demo product of the recommendations' snapshots. */
  record Product(String id, String slug, String categoryId) {
  }

  /** One shopper's visit: views, then cart adds, then one order of {@code bundle}. */
  record Visit(String id, String visitorId, List<String> viewed, List<String> bundle) {
  }

  private DemoShopperPlan() {
  }

  static List<List<Product>> bundles(List<Product> products) {
    Map<String, List<Product>> byCategory = new TreeMap<>();
    products.forEach(p -> byCategory.computeIfAbsent(p.categoryId(), c -> new ArrayList<>()).add(p));
    List<List<Product>> bundles = new ArrayList<>();
    for (List<Product> category : byCategory.values()) {
      category.sort(Comparator.comparing(Product::slug));
      int from = 0;
      while (category.size() - from >= 2) {
        int size = category.size() - from >= 3 && Math.floorMod(category.get(from).slug().hashCode(), 3) == 0 ? 3 : 2;
        if (category.size() - from - size == 1) {
          size++; // no product left alone
        }
        bundles.add(List.copyOf(category.subList(from, from + size)));
        from += size;
      }
    }
    return bundles;
  }

  static List<Visit> visits(List<Product> products) {
    List<List<Product>> bundles = bundles(products);
    List<Visit> visits = new ArrayList<>();
    for (List<Product> bundle : bundles) {
      String slugs = String.join(",", bundle.stream().map(Product::slug).toList());
      String visitor = String.format("demo-shopper-%03d", Math.floorMod(slugs.hashCode(), SHOPPERS));
      String visitId = visitor + ":" + slugs;
      List<Product> others = new ArrayList<>(products.stream()
          .filter(p -> p.categoryId().equals(bundle.get(0).categoryId()) && !bundle.contains(p))
          .sorted(Comparator.comparing(Product::slug)).toList());
      Random random = new Random(UUID.nameUUIDFromBytes(visitId.getBytes(StandardCharsets.UTF_8))
          .getMostSignificantBits());
      List<String> viewed = new ArrayList<>(bundle.stream().map(Product::id).toList());
      for (int i = 0; i < 2 && !others.isEmpty(); i++) {
        viewed.add(others.remove(random.nextInt(others.size())).id());
      }
      visits.add(new Visit(visitId, visitor, viewed, bundle.stream().map(Product::id).toList()));
    }
    return visits;
  }
}
