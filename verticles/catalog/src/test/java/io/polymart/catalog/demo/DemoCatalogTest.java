package io.polymart.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  private static final Pattern PRODUCT_SLUG = Pattern.compile("^demo-[0-9]+(-[a-z0-9]+)+$");
  private static final Pattern SKU_CODE = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern PRINTABLE_ASCII = Pattern.compile("^[\\x20-\\x7E]{1,24}$");

  private static DemoCatalog catalog;
  private static List<DemoProduct> products;
  private static List<DemoSku> skus;
  private static Map<String, DemoCategory> categories;

  @BeforeAll
  static void generate() {
    catalog = DemoCatalog.generate(500);
    products = catalog.products();
    skus = products.stream().flatMap(p -> p.skus().stream()).toList();
    categories = catalog.categories().stream()
        .collect(Collectors.toMap(DemoCategory::slug, Function.identity()));
  }

  @Test
  void counts() {
    List<DemoCategory> tops = catalog.categories().stream().filter(DemoCategory::topLevel).toList();
    assertThat(tops).hasSizeGreaterThanOrEqualTo(8);
    for (DemoCategory top : tops) {
      long children = catalog.categories().stream()
          .filter(c -> top.slug().equals(c.parentSlug())).count();
      assertThat(children).as(top.slug()).isBetween(2L, 5L);
    }
    assertThat(catalog.brands()).hasSize(30);
    assertThat(products).hasSize(500);
    assertThat(skus).hasSize(1500);
    assertThat(products).allSatisfy(p -> assertThat(p.skus()).hasSizeBetween(1, 5));
    assertThat(products.stream().map(p -> p.skus().size()).collect(Collectors.toSet()))
        .as("SKU counts vary").hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void otherProductCounts() {
    assertThat(DemoCatalog.generate(0).products()).isEmpty();
    for (int count : new int[] {1, 7, 60}) {
      DemoCatalog small = DemoCatalog.generate(count);
      assertThat(small.products()).hasSize(count);
      assertThat(small.products().stream().mapToInt(p -> p.skus().size()).sum()).isEqualTo(3 * count);
    }
    assertThatThrownBy(() -> DemoCatalog.generate(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void categoriesAreOrderedParentsFirst() {
    Set<String> seen = new HashSet<>();
    for (DemoCategory c : catalog.categories()) {
      if (c.parentSlug() != null) {
        assertThat(seen).as(c.slug()).contains(c.parentSlug());
        assertThat(categories.get(c.parentSlug()).topLevel()).isTrue();
      }
      seen.add(c.slug());
    }
  }

  @Test
  void slugsCodesAndNamesAreUniqueAndWellFormed() {
    assertUnique(catalog.categories().stream().map(DemoCategory::slug).toList());
    assertUnique(catalog.brands().stream().map(DemoBrand::slug).toList());
    assertUnique(catalog.brands().stream().map(DemoBrand::name).toList());
    assertUnique(products.stream().map(DemoProduct::slug).toList());
    assertUnique(products.stream().map(DemoProduct::name).toList());
    assertUnique(skus.stream().map(DemoSku::code).toList());

    assertThat(catalog.categories()).allSatisfy(c -> assertThat(c.slug()).matches(SLUG));
    assertThat(catalog.brands()).allSatisfy(b -> assertThat(b.slug()).matches(SLUG));
    assertThat(products).allSatisfy(p -> {
      assertThat(p.slug()).matches(SLUG).matches(PRODUCT_SLUG);
      assertThat(p.slug().length()).isLessThanOrEqualTo(120);
      assertThat(p.name().length()).isBetween(1, 200);
      assertThat(p.description().length()).isBetween(1, 5000);
    });
    assertThat(skus).allSatisfy(s -> assertThat(s.code()).matches(SKU_CODE));
  }

  @Test
  void productsBelongToSubCategoriesAndFittingBrands() {
    Set<String> brandSlugs =
        catalog.brands().stream().map(DemoBrand::slug).collect(Collectors.toSet());
    for (DemoProduct p : products) {
      DemoCategory category = categories.get(p.categorySlug());
      assertThat(category).as(p.slug()).isNotNull();
      assertThat(category.topLevel()).as(p.slug()).isFalse();
      assertThat(brandSlugs).contains(p.brandSlug());
      assertThat(DemoVocabulary.brand(p.brandSlug()).topCategories()).as(p.name())
          .contains(category.parentSlug());
    }
    assertThat(products.stream().map(DemoProduct::categorySlug).collect(Collectors.toSet()))
        .as("every sub-category has products")
        .hasSize((int) catalog.categories().stream().filter(c -> !c.topLevel()).count());
    assertThat(products.stream().map(DemoProduct::brandSlug).collect(Collectors.toSet()))
        .as("every brand has products").isEqualTo(brandSlugs);
    assertThat(DemoVocabulary.BRANDS)
        .allSatisfy(b -> assertThat(b.topCategories()).hasSizeBetween(1, 3));
  }

  @Test
  void generationIsDeterministic() {
    DemoCatalog again = DemoCatalog.generate(500);
    assertThat(again).isEqualTo(catalog);
    assertThat(again.products()).isEqualTo(products);
    assertThat(again.products().get(123).details().encode())
        .isEqualTo(products.get(123).details().encode());
  }

  @Test
  void everyPriceRangeHasProducts() {
    BigDecimal[] bounds = {new BigDecimal("50"), new BigDecimal("100"), new BigDecimal("200"),
        new BigDecimal("500"), new BigDecimal("1000")};
    int[] buckets = new int[bounds.length + 1];
    for (DemoProduct p : products) {
      BigDecimal price = p.skus().stream().map(DemoSku::price).min(BigDecimal::compareTo).orElseThrow();
      int bucket = 0;
      while (bucket < bounds.length && price.compareTo(bounds[bucket]) >= 0) {
        bucket++;
      }
      buckets[bucket]++;
    }
    for (int i = 0; i < buckets.length; i++) {
      assertThat(buckets[i]).as("products in price range %d of %s", i, Arrays.toString(buckets))
          .isGreaterThanOrEqualTo(25);
    }
  }

  @Test
  void pricesWeightsAndStock() {
    assertThat(skus).allSatisfy(s -> {
      assertThat(s.price().signum()).isPositive();
      assertThat(s.price().scale()).isEqualTo(2);
      if (s.originalPrice() != null) {
        assertThat(s.originalPrice().scale()).isEqualTo(2);
        assertThat(s.originalPrice()).isGreaterThan(s.price());
      }
      assertThat(s.weightKg().scale()).isEqualTo(3);
      assertThat(s.weightKg().signum()).isPositive();
      assertThat(s.stock()).isBetween(0, 500);
    });
    long discounted = skus.stream().filter(s -> s.originalPrice() != null).count();
    assertThat(discounted).isBetween(300L, 700L);
    long soldOut = skus.stream().filter(s -> s.stock() == 0).count();
    assertThat(soldOut).isBetween(10L, 200L);
  }

  @Test
  void skuAttributesAreDistinctWithinAProduct() {
    for (DemoProduct p : products) {
      Set<Map<String, String>> seen = new HashSet<>();
      for (DemoSku s : p.skus()) {
        assertThat(s.attributes()).as(s.code()).isNotEmpty();
        assertThat(s.attributes()).allSatisfy((k, v) -> {
          assertThat(k.length()).isBetween(1, 40);
          assertThat(v.length()).isBetween(1, 100);
        });
        assertThat(seen.add(s.attributes())).as(s.code()).isTrue();
      }
    }
    assertThat(skus).anySatisfy(s -> assertThat(s.attributes()).containsEntry("color", "Black"));
    assertThat(skus).anySatisfy(s -> assertThat(s.attributes()).containsEntry("size", "M"));
    assertThat(skus).anySatisfy(s -> assertThat(s.attributes()).containsEntry("storage", "256GB"));
  }

  @Test
  void aboutFortyPercentOfNamesAreChineseAndDescriptionsMatch() {
    long chinese = products.stream().filter(p -> HAN.matcher(p.name()).find()).count();
    assertThat(chinese).isBetween(150L, 250L);
    for (DemoProduct p : products) {
      boolean zh = HAN.matcher(p.name()).find();
      assertThat(HAN.matcher(p.description()).find()).as(p.name()).isEqualTo(zh);
    }
    List<String> english = products.stream().map(DemoProduct::name)
        .filter(n -> !HAN.matcher(n).find()).toList();
    for (String word : List.of("Smartphone", "Phone", "Headphones", "Laptop", "Keyboard")) {
      assertThat(english).as(word).anySatisfy(n -> assertThat(n).contains(word));
    }
  }

  @Test
  void detailsFollowTheContract() {
    Set<String> formats = new HashSet<>();
    int withGroups = 0;
    for (DemoProduct p : products) {
      JsonObject d = p.details();
      assertThat(d.fieldNames()).isSubsetOf(
          "longDescription", "specifications", "attributeGroups", "packageContents", "extra");
      JsonObject longDescription = d.getJsonObject("longDescription");
      formats.add(longDescription.getString("format"));
      assertThat(longDescription.getString("format")).isIn("markdown", "html");
      assertThat(longDescription.getString("content")).isNotBlank().hasSizeLessThanOrEqualTo(60_000);
      JsonArray specs = d.getJsonArray("specifications");
      assertThat(specs.size()).as(p.name()).isBetween(4, 8);
      for (int i = 0; i < specs.size(); i++) {
        assertThat(specs.getJsonObject(i).getString("name")).isNotBlank();
        assertThat(specs.getJsonObject(i).getString("value")).isNotBlank();
      }
      assertThat(d.getJsonArray("packageContents")).isNotEmpty();
      if (d.containsKey("attributeGroups")) {
        withGroups++;
        JsonArray groups = d.getJsonArray("attributeGroups");
        for (int i = 0; i < groups.size(); i++) {
          assertThat(groups.getJsonObject(i).getString("name")).isNotBlank();
          assertThat(groups.getJsonObject(i).getJsonArray("attributes")).isNotEmpty();
        }
      }
    }
    assertThat(formats).containsExactlyInAnyOrder("markdown", "html");
    assertThat(withGroups).isBetween(100, 400);
  }

  @Test
  void imageLabelsAreShortLatinAndSeedsVary() {
    assertThat(products).allSatisfy(p -> assertThat(p.imageLabel()).matches(PRINTABLE_ASCII));
    assertThat(products.stream().map(DemoProduct::imageSeed).distinct().count()).isEqualTo(500);
  }

  @Test
  void generatesQuickly() {
    DemoCatalog.generate(500); // warm-up
    long start = System.nanoTime();
    DemoCatalog.generate(500);
    long millis = (System.nanoTime() - start) / 1_000_000;
    // 200 ms is the target; leave room for a busy CI machine.
    assertThat(millis).isLessThan(1_000);
  }

  private static void assertUnique(List<String> values) {
    Map<String, Integer> counts = new HashMap<>();
    values.forEach(v -> counts.merge(v, 1, Integer::sum));
    assertThat(counts).allSatisfy((value, n) -> assertThat(n).as(value).isEqualTo(1));
  }
}
