package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.polymart.main.CatalogFixtures.API;
import static io.polymart.main.CatalogFixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /products, /search/suggest and /search/hot over a catalog of its own: a category tree (a parent with two
 * children), two brands and 17 active products, plus a draft and an unpublished product that must never show.
 * Every search is scoped to the test's category tree, and expectations come from a model of what was created.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSearchTest {
  private static final String PARENT = "parent";
  private static final String PHONES = "phones";
  private static final String AUDIO = "audio";

  /** What the test created, as it expects search to see it. */
  record Item(String key, String id, String name, String category, String brand, BigDecimal price,
      List<Map<String, String>> skuAttributes) {
    boolean hasSkuWith(Map<String, String> wanted) {
      return skuAttributes.stream().anyMatch(attributes -> attributes.entrySet().containsAll(wanted.entrySet()));
    }
  }

  private final CatalogFixtures fx = new CatalogFixtures();
  private final String tag = CatalogFixtures.word(8);
  private final String Tag = CatalogFixtures.capitalized(tag);
  private final Map<String, JsonObject> categories = new LinkedHashMap<>();
  private final Map<String, JsonObject> brands = new LinkedHashMap<>();
  /** Active products in creation order. */
  private final List<Item> items = new ArrayList<>();
  private String draftId;
  private String withdrawnId;

  @BeforeAll
  void createCatalog() {
    JsonObject parent = fx.category("Search " + Tag, "search-" + tag, null);
    categories.put(PARENT, parent);
    categories.put(PHONES, fx.category("Phones " + Tag, "search-" + tag + "-phones", parent.getString("id")));
    categories.put(AUDIO, fx.category("Audio " + Tag, "search-" + tag + "-audio", parent.getString("id")));
    brands.put("X", fx.brand("Xbrand " + Tag, "xbrand-" + tag));
    brands.put("Y", fx.brand("Ybrand " + Tag, "ybrand-" + tag));
    Users.Session seller = fx.seller();

    add(seller, "zorble", "Zorblefone X", PHONES, "X", "A phone", List.of(
        sku("ZB-" + tag + "-1", "899.00", Map.of("color", "black"), 5),
        sku("ZB-" + tag + "-2", "999.00", Map.of("color", "white"), 5)));
    add(seller, "huawei", "华为旗舰手机", PHONES, "Y", "旗舰", List.of(sku("HW-" + tag, "3999.00")));
    add(seller, "mega", "Megaphonix Speaker", AUDIO, "X", null,
        List.of(sku("MG-" + tag, "49.99", Map.of("color", "black"), 3)));
    add(seller, "quibbler", "Quibbler Case", PHONES, null, "A case", List.of(sku("QC-" + tag, "50.00")));
    add(seller, "cable", "Plain Cable", AUDIO, "Y",
        "quibbler quibbler quibbler: works with every quibbler, made for quibbler fans",
        List.of(sku("PC-" + tag, "100.00")));
    add(seller, "earbuds", "Earbuds", AUDIO, "X", null,
        List.of(sku("EB-" + tag, "150.00", Map.of("color", "red"), 4)));
    add(seller, "headphones", "Headphones", AUDIO, "Y", null,
        List.of(sku("HP-" + tag, "250.00", Map.of("color", "black", "size", "L"), 4)));
    add(seller, "tablet", "Tablet", PHONES, "X", null, List.of(sku("TB-" + tag, "700.00")));
    add(seller, "charger", "Charger", PARENT, null, null, List.of(sku("CH-" + tag, "19.90")));
    add(seller, "watch", "Watch", PHONES, "Y", null, List.of(sku("WA-" + tag, "1200.00")));
    add(seller, "dock", "Dock", AUDIO, "X", null, List.of(sku("DK-" + tag, "75.00")));
    add(seller, "stylus", "Stylus", PHONES, "Y", null,
        List.of(sku("ST-" + tag, "30.00", Map.of("color", "white"), 2)));
    add(seller, "mount", "Mount", AUDIO, null, null, List.of(sku("MO-" + tag, "500.00")));
    add(seller, "router", "Router", PHONES, "X", null, List.of(sku("RT-" + tag, "99.99")));
    add(seller, "phonecase", "智能手机壳", PHONES, "Y", null, List.of(sku("PK-" + tag, "25.00")));
    add(seller, "lamp", "Lamp", PARENT, "X", null, List.of(sku("LA-" + tag, "1000.00")));
    add(seller, "fan", "Fan", AUDIO, "Y", null, List.of(sku("FA-" + tag, "200.00")));

    // never shown: a draft, and a product published then withdrawn, both matching many of the queries below
    draftId = fx.createProduct(seller, CatalogFixtures.product(Tag + " Draftonly Zorblefone Quibbler 手机",
        id(PHONES), brandId("X"), "quibbler", sku("DR-" + tag, "60.00", Map.of("color", "white"), 1)))
        .getString("id");
    withdrawnId = fx.createProduct(seller, CatalogFixtures.product(Tag + " Withdrawn Quibbler 手机",
        id(AUDIO), brandId("Y"), "zorblefone", sku("WD-" + tag, "80.00", Map.of("color", "black"), 1)))
        .getString("id");
    fx.publish(seller, withdrawnId);
    Reply unpublished = fx.http.post(API + "/products/" + withdrawnId + "/unpublish").bearer(seller.accessToken())
        .send();
    assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
    assertThat(unpublished.json().getString("status")).isEqualTo("INACTIVE");
  }

  private void add(Users.Session seller, String key, String name, String category, String brand, String description,
      List<JsonObject> skus) {
    JsonObject created = fx.createProduct(seller, CatalogFixtures.product(Tag + " " + name, id(category),
        brand == null ? null : brandId(brand), description, skus.toArray(JsonObject[]::new)));
    fx.publish(seller, created.getString("id"));
    BigDecimal min = skus.stream().map(s -> new BigDecimal(s.getString("price"))).min(Comparator.naturalOrder())
        .orElseThrow();
    List<Map<String, String>> attributes = skus.stream().map(s -> {
      Map<String, String> attrs = new LinkedHashMap<>();
      s.getJsonObject("attributes", new JsonObject()).forEach(e -> attrs.put(e.getKey(), (String) e.getValue()));
      return attrs;
    }).toList();
    items.add(new Item(key, created.getString("id"), Tag + " " + name, category, brand, min, attributes));
  }

  // ---------------------------------------------------------------- text search

  @Test
  void aNameMatchRanksAboveADescriptionMatch() {
    JsonObject result = search("q", "quibbler", "category", id(PARENT));
    assertThat(ids(result)).containsExactly(item("quibbler").id(), item("cable").id());
    assertThat(result.getLong("total")).isEqualTo(2);

    JsonObject explicit = search("q", "Quibbler", "category", id(PARENT), "sort", "relevance");
    assertThat(ids(explicit)).containsExactly(item("quibbler").id(), item("cable").id());
  }

  @Test
  void aOneTranspositionTypoStillFindsTheProduct() {
    assertThat(ids(search("q", "zorblefone", "category", id(PARENT)))).containsExactly(item("zorble").id());
    assertThat(ids(search("q", "zorbelfone", "category", id(PARENT)))).containsExactly(item("zorble").id());
    assertThat(ids(search("q", "ZORBLEFNOE", "category", id(PARENT)))).containsExactly(item("zorble").id());
  }

  @Test
  void cjkNamesAreFoundBySubstringsAndLatinWordsByAPieceOfThem() {
    assertThat(ids(search("q", "手机", "category", id(PARENT))))
        .containsExactlyInAnyOrder(item("huawei").id(), item("phonecase").id());
    assertThat(ids(search("q", "旗舰", "category", id(PARENT)))).containsExactly(item("huawei").id());
    assertThat(ids(search("q", "为旗", "category", id(PARENT)))).containsExactly(item("huawei").id());
    assertThat(ids(search("q", "智能", "category", id(PARENT)))).containsExactly(item("phonecase").id());
    assertThat(ids(search("q", "华为 手机", "category", id(PARENT)))).containsExactly(item("huawei").id());
    assertThat(ids(search("q", "aphoni", "category", id(PARENT)))).containsExactly(item("mega").id());
    assertThat(search("q", "手表", "category", id(PARENT)).getLong("total")).isZero();
  }

  // ---------------------------------------------------------------- filters

  @Test
  void categoryFilterTakesIdsOrSlugsAndTheParentIncludesItsChildren() {
    assertThat(ids(search("category", id(PARENT), "size", "100")))
        .containsExactlyInAnyOrderElementsOf(expected(i -> true));
    assertThat(ids(search("category", slug(PARENT), "size", "100")))
        .containsExactlyInAnyOrderElementsOf(expected(i -> true));
    for (String child : List.of(PHONES, AUDIO)) {
      List<String> want = expected(i -> i.category().equals(child));
      assertThat(want).isNotEmpty();
      assertThat(ids(search("category", id(child), "size", "100"))).containsExactlyInAnyOrderElementsOf(want);
      assertThat(ids(search("category", slug(child), "size", "100"))).containsExactlyInAnyOrderElementsOf(want);
    }
    assertThat(search("category", "no-such-category-" + tag).getLong("total")).isZero();
  }

  @Test
  void brandFilterTakesIdsOrSlugs() {
    for (String brand : List.of("X", "Y")) {
      List<String> want = expected(i -> brand.equals(i.brand()));
      assertThat(ids(search("category", id(PARENT), "brand", brandId(brand), "size", "100")))
          .containsExactlyInAnyOrderElementsOf(want);
      assertThat(ids(search("category", id(PARENT), "brand", brands.get(brand).getString("slug"), "size", "100")))
          .containsExactlyInAnyOrderElementsOf(want);
    }
  }

  @Test
  void priceBoundsAreInclusive() {
    JsonObject between = search("category", id(PARENT), "minPrice", "50", "maxPrice", "100", "size", "100");
    assertThat(ids(between)).containsExactlyInAnyOrder(item("quibbler").id(), item("dock").id(),
        item("router").id(), item("cable").id());
    assertThat(ids(search("category", id(PARENT), "minPrice", "50.01", "maxPrice", "99.99", "size", "100")))
        .containsExactlyInAnyOrder(item("dock").id(), item("router").id());
    assertThat(ids(search("category", id(PARENT), "maxPrice", "49.99", "size", "100")))
        .containsExactlyInAnyOrderElementsOf(expected(i -> i.price().compareTo(new BigDecimal("49.99")) <= 0));
    assertThat(ids(search("category", id(PARENT), "minPrice", "1000.00", "size", "100")))
        .containsExactlyInAnyOrder(item("lamp").id(), item("watch").id(), item("huawei").id());
    // the product price is its cheapest SKU: 899.00, though another SKU costs 999.00
    assertThat(ids(search("category", id(PARENT), "minPrice", "899", "maxPrice", "899", "size", "100")))
        .containsExactly(item("zorble").id());
    assertThat(search("category", id(PARENT), "minPrice", "950", "maxPrice", "999").getLong("total")).isZero();
    for (Object summary : between.getJsonArray("items")) {
      BigDecimal price = new BigDecimal(((JsonObject) summary).getString("price"));
      assertThat(price).isBetween(new BigDecimal("50"), new BigDecimal("100"));
    }
  }

  @Test
  void attributeFiltersMatchASkusAttributes() {
    assertThat(ids(search("category", id(PARENT), "attr.color", "white", "size", "100")))
        .containsExactlyInAnyOrder(item("zorble").id(), item("stylus").id());
    assertThat(ids(search("category", id(PARENT), "attr.color", "black", "size", "100")))
        .containsExactlyInAnyOrderElementsOf(expected(i -> i.hasSkuWith(Map.of("color", "black"))));
    assertThat(ids(search("category", id(PARENT), "attr.color", "black", "attr.size", "L", "size", "100")))
        .containsExactly(item("headphones").id());
    // both attributes must be on one SKU: zorble has a black SKU and a white one, none both black and white
    assertThat(search("category", id(PARENT), "attr.color", "purple").getLong("total")).isZero();
    assertThat(search("category", id(PARENT), "attr.color", "black", "attr.size", "M").getLong("total")).isZero();
  }

  @Test
  void filtersCombine() {
    assertThat(ids(search("category", id(AUDIO), "brand", brandId("X"), "maxPrice", "100", "size", "100")))
        .containsExactlyInAnyOrder(item("mega").id(), item("dock").id());
    assertThat(ids(search("q", tag, "category", slug(PHONES), "brand", brands.get("Y").getString("slug"),
        "minPrice", "26", "size", "100")))
        .containsExactlyInAnyOrder(item("huawei").id(), item("watch").id(), item("stylus").id());
    assertThat(ids(search("q", "quibbler", "category", id(PARENT), "brand", brandId("Y"))))
        .containsExactly(item("cable").id());
    assertThat(ids(search("category", id(PARENT), "brand", brandId("X"), "attr.color", "black",
        "minPrice", "100", "size", "100"))).containsExactly(item("zorble").id());
  }

  @Test
  void onlyActiveProductsAreEverListed() {
    List<String> hidden = List.of(draftId, withdrawnId);
    List<JsonObject> results = List.of(
        search("category", id(PARENT), "size", "100"),
        search("q", "draftonly", "category", id(PARENT)),
        search("q", "withdrawn", "category", id(PARENT)),
        search("q", "quibbler", "category", id(PARENT), "size", "100"),
        search("q", "zorblefone", "category", id(PARENT), "size", "100"),
        search("q", "手机", "category", id(PARENT), "size", "100"),
        search("category", id(PARENT), "attr.color", "white", "size", "100"),
        search("category", id(PARENT), "minPrice", "60", "maxPrice", "80", "size", "100"));
    for (JsonObject result : results) {
      assertThat(ids(result)).doesNotContainAnyElementsOf(hidden);
      for (Object summary : result.getJsonArray("items")) {
        assertThat(((JsonObject) summary).getString("status")).isEqualTo("ACTIVE");
      }
    }
    assertThat(results.get(0).getLong("total")).isEqualTo(items.size());
    assertThat(results.get(1).getLong("total")).isZero();
    assertThat(results.get(2).getLong("total")).isZero();
  }

  // ---------------------------------------------------------------- sorts

  @Test
  void everySortOrdersByItsValue() {
    JsonArray byPriceAsc = search("category", id(PARENT), "sort", "price_asc", "size", "100").getJsonArray("items");
    assertThat(prices(byPriceAsc)).isSortedAccordingTo(Comparator.naturalOrder()).hasSize(items.size());
    assertThat(CatalogFixtures.ids(byPriceAsc)).containsExactlyElementsOf(items.stream()
        .sorted(Comparator.comparing(Item::price)).map(Item::id).toList());

    JsonArray byPriceDesc = search("category", id(PARENT), "sort", "price_desc", "size", "100").getJsonArray("items");
    assertThat(CatalogFixtures.ids(byPriceDesc)).containsExactlyElementsOf(items.stream()
        .sorted(Comparator.comparing(Item::price).reversed()).map(Item::id).toList());

    JsonArray bySales = search("category", id(PARENT), "sort", "sales", "size", "100").getJsonArray("items");
    assertThat(longs(bySales, s -> s.getLong("soldCount"))).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(CatalogFixtures.ids(bySales)).containsExactlyInAnyOrderElementsOf(expected(i -> true));

    JsonArray byRating = search("category", id(PARENT), "sort", "rating", "size", "100").getJsonArray("items");
    // a JSON number, as the contract says (issue 10: it was a string)
    List<BigDecimal> ratings = byRating.stream().map(o -> new BigDecimal(
        ((JsonObject) o).getJsonObject("rating").getNumber("average").toString())).toList();
    assertThat(ratings).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(CatalogFixtures.ids(byRating)).containsExactlyInAnyOrderElementsOf(expected(i -> true));

    JsonArray newest = search("category", id(PARENT), "sort", "newest", "size", "100").getJsonArray("items");
    List<String> reversedCreation = new ArrayList<>(items.stream().map(Item::id).toList());
    java.util.Collections.reverse(reversedCreation);
    assertThat(CatalogFixtures.ids(newest)).containsExactlyElementsOf(reversedCreation);
    assertThat(newest.stream().map(o -> ((JsonObject) o).getString("createdAt")).toList())
        .isSortedAccordingTo(Comparator.reverseOrder());
    // without q and without sort, the default is newest
    assertThat(ids(search("category", id(PARENT), "size", "100"))).containsExactlyElementsOf(reversedCreation);

    JsonArray relevance = search("q", "quibbler", "category", id(PARENT), "sort", "relevance").getJsonArray("items");
    assertThat(CatalogFixtures.ids(relevance)).containsExactly(item("quibbler").id(), item("cable").id());
    // q with another sort: the same matches, in that sort's order
    JsonArray quibblerByPrice = search("q", "quibbler", "category", id(PARENT), "sort", "price_desc")
        .getJsonArray("items");
    assertThat(CatalogFixtures.ids(quibblerByPrice)).containsExactly(item("cable").id(), item("quibbler").id());
  }

  // ---------------------------------------------------------------- facets

  @Test
  void facetCountsAddUpAndMatchTheFilteredTotals() {
    checkFacets(params("category", id(PARENT)), i -> true);
    checkFacets(params("category", id(PARENT), "brand", brandId("X")), i -> "X".equals(i.brand()));
    checkFacets(params("category", id(PARENT), "minPrice", "50", "maxPrice", "1000"),
        i -> i.price().compareTo(new BigDecimal("50")) >= 0 && i.price().compareTo(new BigDecimal("1000")) <= 0);
    checkFacets(params("q", tag, "category", id(PHONES)), i -> i.category().equals(PHONES));
    checkFacets(params("category", id(PARENT), "attr.color", "black"), i -> i.hasSkuWith(Map.of("color", "black")));
  }

  private void checkFacets(Map<String, String> base, Predicate<Item> model) {
    JsonObject result = search(with(base, "size", "1"));
    long total = result.getLong("total");
    List<Item> expected = items.stream().filter(model).toList();
    assertThat(total).as("total of %s", base).isEqualTo(expected.size());
    JsonObject facets = result.getJsonObject("facets");

    long brandSum = 0;
    for (Object o : facets.getJsonArray("brands")) {
      JsonObject brand = (JsonObject) o;
      brandSum += brand.getLong("count");
      assertThat(brand.getLong("count")).as("brand %s of %s", brand.getString("slug"), base)
          .isEqualTo(total(with(base, "brand", brand.getString("id"))))
          .isEqualTo(expected.stream().filter(i -> i.brand() != null
              && brandId(i.brand()).equals(brand.getString("id"))).count());
    }
    long withoutBrand = expected.stream().filter(i -> i.brand() == null).count();
    assertThat(brandSum + withoutBrand).as("brand counts of %s", base).isEqualTo(total);

    long categorySum = 0;
    Map<String, Long> categoryCounts = new LinkedHashMap<>();
    for (Object o : facets.getJsonArray("categories")) {
      JsonObject category = (JsonObject) o;
      categorySum += category.getLong("count");
      categoryCounts.put(category.getString("id"), category.getLong("count"));
    }
    assertThat(categorySum).as("category counts of %s", base).isEqualTo(total);
    assertThat(categoryCounts.keySet()).isSubsetOf(categories.values().stream().map(c -> c.getString("id")).toList());
    // a facet category narrows the search: its count is what filtering on it finds
    boolean wholeTree = id(PARENT).equals(base.get("category")) || slug(PARENT).equals(base.get("category"));
    for (String leaf : List.of(PHONES, AUDIO)) {
      Long count = categoryCounts.get(id(leaf));
      if (count != null) {
        assertThat(count).as("category %s of %s", leaf, base).isEqualTo(total(with(base, "category", id(leaf))));
      } else if (wholeTree) {
        assertThat(total(with(base, "category", id(leaf)))).as("category %s of %s", leaf, base).isZero();
      }
    }
    if (categoryCounts.containsKey(id(PARENT))) {
      // the parent's own products: filtering on the parent also takes in its children's
      long ownProducts = total(with(base, "category", id(PARENT))) - total(with(base, "category", id(PHONES)))
          - total(with(base, "category", id(AUDIO)));
      assertThat(categoryCounts.get(id(PARENT))).as("parent category of %s", base).isEqualTo(ownProducts);
    }
    assertThat(categoryCounts.getOrDefault(id(PARENT), 0L)).as("parent category of %s", base)
        .isEqualTo(expected.stream().filter(i -> i.category().equals(PARENT)).count());

    JsonArray ranges = facets.getJsonArray("priceRanges");
    assertThat(ranges.stream().map(r -> ((JsonObject) r).getString("key")).toList())
        .containsExactly("0-50", "50-100", "100-200", "200-500", "500-1000", "1000+");
    long rangeSum = 0;
    for (Object o : ranges) {
      JsonObject range = (JsonObject) o;
      long count = range.getLong("count");
      rangeSum += count;
      BigDecimal min = max(decimal(range.getString("min")), decimal(base.get("minPrice")));
      BigDecimal rangeMax = decimal(range.getString("max"));
      BigDecimal max = min(rangeMax == null ? null : rangeMax.subtract(new BigDecimal("0.01")),
          decimal(base.get("maxPrice")));
      long want = expected.stream().filter(i -> (range.getString("min") == null
              || i.price().compareTo(new BigDecimal(range.getString("min"))) >= 0)
          && (rangeMax == null || i.price().compareTo(rangeMax) < 0)).count();
      assertThat(count).as("price range %s of %s", range.getString("key"), base).isEqualTo(want);
      if (min != null && max != null && min.compareTo(max) > 0) {
        assertThat(count).isZero();
        continue;
      }
      Map<String, String> narrowed = new LinkedHashMap<>(base);
      if (min != null) {
        narrowed.put("minPrice", min.toPlainString());
      }
      if (max != null) {
        narrowed.put("maxPrice", max.toPlainString());
      }
      assertThat(count).as("price range %s of %s", range.getString("key"), base).isEqualTo(total(narrowed));
    }
    assertThat(rangeSum).as("price range counts of %s", base).isEqualTo(total);
  }

  @Test
  void theLastActiveSkuOfAListedProductCannotBeSwitchedOffSoFacetsStayConsistent() {
    Users.Session seller = fx.seller();
    JsonObject category = fx.ownCategory("nosku");
    // its own words: the other tests' suggestions and searches must not see these products
    String own = CatalogFixtures.word(8);
    JsonObject lonely = fx.publishedProduct(seller, own + " Lonely", category.getString("id"), "10.00");
    fx.publishedProduct(seller, own + " Other", category.getString("id"), "20.00");
    Reply off = fx.http.patch(API + "/skus/" + lonely.getJsonArray("skus").getJsonObject(0).getString("id"))
        .bearer(seller.accessToken()).json(new JsonObject().put("status", "INACTIVE")).send();
    assertThat(off.status()).as(off.toString()).isEqualTo(422);
    assertThat(off.errorCode()).isEqualTo("NO_ACTIVE_SKU");

    JsonObject result = search("category", category.getString("id"));
    long rangeSum = result.getJsonObject("facets").getJsonArray("priceRanges").stream()
        .mapToLong(r -> ((JsonObject) r).getLong("count")).sum();
    assertThat(result.getLong("total")).isEqualTo(2);
    assertThat(rangeSum).as(result.encode()).isEqualTo(result.getLong("total"));
    assertThat(result.getJsonArray("items")).allSatisfy(summary ->
        assertThat(((JsonObject) summary).getString("price")).as("listed products have a price").isNotNull());
  }


  // ---------------------------------------------------------------- pagination

  @Test
  void pagesOfASortWithTiesHaveNoDuplicatesAndNoGaps() {
    for (String sort : List.of("sales", "rating")) {
      List<String> seen = new ArrayList<>();
      long total = -1;
      int pages = (items.size() + 4) / 5;
      for (int page = 1; page <= pages; page++) {
        JsonObject result = search("category", id(PARENT), "sort", sort, "size", "5", "page", String.valueOf(page));
        assertThat(result.getInteger("page")).isEqualTo(page);
        assertThat(result.getInteger("size")).isEqualTo(5);
        total = result.getLong("total");
        assertThat(total).isEqualTo(items.size());
        assertThat(result.getJsonArray("items")).hasSize(page < pages ? 5 : items.size() - 5 * (pages - 1));
        seen.addAll(ids(result));
      }
      assertThat(seen).as(sort).doesNotHaveDuplicates().hasSize((int) total)
          .containsExactlyInAnyOrderElementsOf(expected(i -> true));
      JsonObject beyond = search("category", id(PARENT), "sort", sort, "size", "5", "page", String.valueOf(pages + 1));
      assertThat(beyond.getJsonArray("items")).isEmpty();
      assertThat(beyond.getLong("total")).isEqualTo(items.size());
    }
  }

  // ---------------------------------------------------------------- bad parameters

  @Test
  void badParametersAreRejectedNamingTheParameter() {
    assertRejected("sort", "sort", "bogus");
    assertRejected("page", "page", "0");
    assertRejected("page", "page", "abc");
    assertRejected("size", "size", "101");
    assertRejected("size", "size", "0");
    assertRejected("minPrice", "minPrice", "abc");
    assertRejected("maxPrice", "maxPrice", "-5");
    assertRejected("minPrice", "minPrice", "12.345");
    assertRejected("q", "q", "x".repeat(101));
    assertRejected("attr.color", "attr.color", "");
    assertRejected("category", "category", String.join(",", java.util.Collections.nCopies(21, "c")));
    Reply inverted = fx.http.get(API + "/products" + query(params("minPrice", "200", "maxPrice", "100"))).send();
    assertThat(inverted.status()).as(inverted.toString()).isEqualTo(400);
    assertThat(inverted.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(CatalogFixtures.fields(inverted)).containsAnyOf("minPrice", "maxPrice");

    // the limits themselves are fine
    assertThat(search("q", "x".repeat(100), "category", id(PARENT), "size", "100", "page", "1").getLong("total"))
        .isZero();
    Reply suggest = fx.http.get(API + "/search/suggest" + query(params("q", "y".repeat(101)))).send();
    assertThat(suggest.status()).as(suggest.toString()).isEqualTo(400);
    assertThat(CatalogFixtures.fields(suggest)).contains("q");
  }

  private void assertRejected(String field, String name, String value) {
    Reply reply = fx.http.get(API + "/products" + query(params(name, value))).send();
    assertThat(reply.status()).as(name + "=" + value + ": " + reply).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(CatalogFixtures.fields(reply)).as(reply.toString()).contains(field);
  }

  // ---------------------------------------------------------------- suggestions and hot keywords

  @Test
  void suggestionsCompleteATypedPrefixWithActiveProductNames() {
    assertThat(suggest(tag + " zorb")).containsExactly(item("zorble").name());
    assertThat(suggest(Tag + " QUIB")).containsExactly(item("quibbler").name());

    List<String> byTag = suggest(tag);
    assertThat(byTag).hasSize(10);
    Set<String> activeNames = items.stream().map(Item::name).collect(Collectors.toSet());
    // names of active products, or keywords (single words of published names) completing what was typed
    assertThat(byTag).allMatch(s -> activeNames.contains(s) || (!s.contains(" ") && s.startsWith(tag)), "suggestion");
    assertThat(byTag).noneMatch(name -> name.toLowerCase().contains("draftonly"));
    assertThat(suggest("draftonl")).as("a draft's words never leak into suggestions").isEmpty();

    assertThat(suggest(tag + " draftonly")).isEmpty();
    assertThat(suggest(tag + " withdrawn")).isEmpty();
    assertThat(suggest("   ")).isEmpty();
  }

  private List<String> suggest(String q) {
    Reply reply = fx.http.get(API + "/search/suggest" + query(params("q", q))).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonArray suggestions = reply.json().getJsonArray("items");
    assertThat(suggestions.size()).isLessThanOrEqualTo(10);
    return suggestions.stream().map(String.class::cast).toList();
  }

  @Test
  void hotKeywordsCountSearches() {
    String keyword = tag + " quibbler";
    int times = 15;
    for (int i = 0; i < times; i++) {
      // mixed case and spaces around: the same keyword
      assertThat(search("q", (i % 2 == 0 ? keyword : "  " + keyword.toUpperCase() + " "), "category", id(PARENT))
          .getLong("total")).isEqualTo(2);
    }
    // searches that find nothing, or ask for a later page, are not counted
    search("q", tag + " nothingmatchesthis", "category", id(PARENT));
    search("q", keyword, "category", id(PARENT), "page", "2");

    // counting happens after the reply: wait until it shows
    CatalogFixtures.await("hot keyword " + keyword, Duration.ofSeconds(10),
        () -> hotCount(keyword) == times);
    JsonArray hot = fx.http.get(API + "/search/hot").send().json().getJsonArray("items");
    assertThat(hot.size()).isLessThanOrEqualTo(10);
    assertThat(hot.stream().map(o -> ((JsonObject) o).getLong("count")).toList())
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(hot.stream().map(o -> ((JsonObject) o).getString("keyword")).toList())
        .doesNotContain(tag + " nothingmatchesthis");
    assertThat(hotCount(keyword)).isEqualTo(times);
  }

  /** Issue 10: the public list showed whatever anyone searched for, probes included, as long as it found products. */
  @Test
  void hotKeywordsShowOnlyShopperText() {
    String probe = tag + " quibbler'; --";
    String tooLong = tag + " quibbler quibbler quibbler quibbler";
    String marker = tag + " zorblefone";
    int times = 15;
    for (int i = 0; i < times; i++) {
      // each finds products, so only the keyword rules keep the first two off the list
      assertThat(search("q", probe, "category", id(PARENT)).getLong("total")).isPositive();
      assertThat(search("q", tooLong, "category", id(PARENT)).getLong("total")).isPositive();
      assertThat(search("q", marker, "category", id(PARENT)).getLong("total")).isPositive();
    }
    CatalogFixtures.await("hot keyword " + marker, Duration.ofSeconds(10), () -> hotCount(marker) == times);
    List<String> hot = fx.http.get(API + "/search/hot").send().json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("keyword")).toList();
    assertThat(hot).doesNotContain(probe, tooLong)
        .allMatch(keyword -> keyword.length() <= 30 && !keyword.contains(";"), "keyword");
  }

  private long hotCount(String keyword) {
    Reply reply = fx.http.get(API + "/search/hot").send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(entry -> keyword.equals(entry.getString("keyword"))).mapToLong(entry -> entry.getLong("count"))
        .findFirst().orElse(-1);
  }

  // ---------------------------------------------------------------- helpers

  private JsonObject search(String... keyValues) {
    return search(params(keyValues));
  }

  private JsonObject search(Map<String, String> params) {
    Reply reply = fx.http.get(API + "/products" + query(params)).send();
    assertThat(reply.status()).as(params + ": " + reply).isEqualTo(200);
    JsonObject result = reply.json();
    assertThat(result.getLong("total")).isGreaterThanOrEqualTo(result.getJsonArray("items").size());
    return result;
  }

  private long total(Map<String, String> params) {
    return search(with(params, "size", "1")).getLong("total");
  }

  private static Map<String, String> params(String... keyValues) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put(keyValues[i], keyValues[i + 1]);
    }
    return params;
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> params = new LinkedHashMap<>(base);
    params.put(key, value);
    return params;
  }

  private static String query(Map<String, String> params) {
    return params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static List<String> ids(JsonObject result) {
    return CatalogFixtures.ids(result.getJsonArray("items"));
  }

  private List<String> expected(Predicate<Item> filter) {
    return items.stream().filter(filter).map(Item::id).toList();
  }

  private Item item(String key) {
    return items.stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
  }

  private String id(String category) {
    return categories.get(category).getString("id");
  }

  private String slug(String category) {
    return categories.get(category).getString("slug");
  }

  private String brandId(String brand) {
    return brands.get(brand).getString("id");
  }

  private static List<BigDecimal> prices(JsonArray summaries) {
    return summaries.stream().map(o -> new BigDecimal(((JsonObject) o).getString("price"))).toList();
  }

  private static List<Long> longs(JsonArray summaries, java.util.function.Function<JsonObject, Long> value) {
    return summaries.stream().map(o -> value.apply((JsonObject) o)).toList();
  }

  private static BigDecimal decimal(String value) {
    return value == null ? null : new BigDecimal(value);
  }

  private static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null ? a : a.max(b);
  }

  private static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null ? a : a.min(b);
  }
}
