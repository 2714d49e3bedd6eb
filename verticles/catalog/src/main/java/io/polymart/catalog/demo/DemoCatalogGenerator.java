package io.polymart.catalog.demo;

import io.polymart.catalog.demo.DemoKind.Dim;
import io.polymart.catalog.demo.DemoKind.DimValue;
import io.polymart.catalog.demo.DemoKind.Spec;
import io.polymart.catalog.demo.DemoKind.Term;
import io.polymart.catalog.demo.DemoVocabulary.BrandDef;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Assembles demo products from {@link DemoVocabulary}. One instance generates one catalog; all
 * randomness comes from a {@link Random} with a fixed seed, so the output depends only on the
 * product count.
 */
final class DemoCatalogGenerator {

  static final long SEED = 0x504F4C594D415254L; // "POLYMART"
  static final int MAX_SKUS_PER_PRODUCT = 5;
  static final int AVERAGE_SKUS_PER_PRODUCT = 3;
  static final int MAX_LABEL_LENGTH = 24;

  private static final int NAME_ATTEMPTS = 12;
  private static final int MAX_SLUG_WORDS_LENGTH = 80;
  /** First SKU count of each pair of products; the second gets 6 minus it, so pairs average 3. */
  private static final int[] PAIR_SKU_COUNTS = {1, 2, 2, 3, 3, 3, 4, 4, 5};
  private static final int OUT_OF_STOCK_PERCENT = 6;
  private static final int DISCOUNTED_PERCENT = 33;

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

  private final Random rng = new Random(SEED);
  private final Set<String> names = new HashSet<>();

  List<DemoProduct> products(int count) {
    List<String> categories = categoryDeck(count);
    List<Integer> skuCounts = skuCounts(count);
    List<DemoProduct> products = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int number = i + 1;
      boolean chinese = number % 5 == 2 || number % 5 == 4; // 40 %
      DemoKind kind = DemoVocabulary.KINDS.get(categories.get(i));
      products.add(product(number, kind, skuCounts.get(i), chinese));
    }
    return products;
  }

  /**
   * The sub-category of each product: every sub-category once (while there are products for it),
   * the rest shared in proportion to the popularity weights, then shuffled.
   */
  private List<String> categoryDeck(int count) {
    List<String> subs = new ArrayList<>(DemoVocabulary.KINDS.keySet());
    List<String> shuffled = new ArrayList<>(subs);
    Collections.shuffle(shuffled, rng);
    List<String> deck = new ArrayList<>(shuffled.subList(0, Math.min(count, subs.size())));
    int extra = count - deck.size();
    int totalWeight = 0;
    List<String> weighted = new ArrayList<>();
    for (String sub : subs) {
      int weight = DemoVocabulary.CATEGORY_WEIGHTS.getOrDefault(sub, 1);
      totalWeight += weight;
      for (int w = 0; w < weight; w++) {
        weighted.add(sub);
      }
    }
    for (String sub : subs) {
      int weight = DemoVocabulary.CATEGORY_WEIGHTS.getOrDefault(sub, 1);
      long share = (long) extra * weight / totalWeight;
      for (long i = 0; i < share; i++) {
        deck.add(sub);
      }
    }
    while (deck.size() < count) {
      deck.add(pick(weighted));
    }
    Collections.shuffle(deck, rng);
    return deck;
  }

  /** 1 to 5 SKUs per product, {@code count * 3} in total. */
  private List<Integer> skuCounts(int count) {
    List<Integer> counts = new ArrayList<>(count);
    for (int i = 0; i + 1 < count; i += 2) {
      int first = PAIR_SKU_COUNTS[rng.nextInt(PAIR_SKU_COUNTS.length)];
      counts.add(first);
      counts.add(2 * AVERAGE_SKUS_PER_PRODUCT - first);
    }
    if (count % 2 == 1) {
      counts.add(AVERAGE_SKUS_PER_PRODUCT);
    }
    Collections.shuffle(counts, rng);
    return counts;
  }

  // ------------------------------------------------------------------ product

  private DemoProduct product(int number, DemoKind kind, int skuCount, boolean chinese) {
    BrandDef brand = DemoVocabulary.brand(pick(kind.brandSlugs));
    DemoCategory category = DemoVocabulary.category(kind.categorySlug);

    Term noun = null;
    Term adjective = null;
    String model = null;
    String template = null;
    String candidate = null;
    String name = null;
    for (int attempt = 0; attempt < NAME_ATTEMPTS && name == null; attempt++) {
      noun = pick(kind.nouns);
      adjective = pickOrNull(kind.adjectivesFor(noun));
      Term qualifier = pickOrNull(kind.qualifiersFor(noun));
      model = kind.models.isEmpty() ? null : model(kind);
      template = pick(chinese ? kind.zhTemplates : kind.enTemplates);
      candidate = fill(template, Map.of(
          "brand", brandText(brand, chinese),
          "model", model == null ? "" : model,
          "adj", text(adjective, chinese),
          "noun", noun.text(chinese),
          "qual", text(qualifier, chinese)));
      if (!redundant(candidate, noun, adjective, qualifier) && names.add(candidate)) {
        name = candidate;
      }
    }
    if (name == null) {
      name = uniqueVariant(candidate, number, chinese);
    }
    boolean modelInName = model != null && template.contains("{model}");

    List<Term> features = new ArrayList<>(kind.featuresFor(noun));
    Collections.shuffle(features, rng);
    String description = description(kind, brand, noun, features, chinese);
    String shortLabel = noun.shortLabel();

    String slug = "demo-" + number + "-" + (chinese ? kind.categorySlug : slugWords(name));
    JsonObject details = details(kind, category, brand, noun, name, description, features,
        modelInName ? model : null, shortLabel, chinese);
    List<DemoSku> skus = skus(number, kind, noun, skuCount);
    String label = imageLabel(kind, brand, noun, adjective, modelInName ? model : null, shortLabel);
    return new DemoProduct(slug, name, description, kind.categorySlug, brand.slug(), details,
        List.copyOf(skus), label, rng.nextLong());
  }

  /** Whether a drawn name repeats itself ("Cotton Cotton Pajama Set", "不粘不粘煎锅"). */
  private static boolean redundant(String name, Term noun, Term adjective, Term qualifier) {
    for (Term term : new Term[] {adjective, qualifier}) {
      if (term != null && !term.zh().isEmpty() && noun.zh().contains(term.zh())) {
        return true;
      }
    }
    String[] words = NON_ALPHANUMERIC.split(name.toLowerCase(Locale.ROOT));
    for (int i = 1; i < words.length; i++) {
      if (!words[i].isEmpty() && words[i].equals(words[i - 1])) {
        return true;
      }
    }
    return false;
  }

  /** A name not taken yet: the base name as a yearly edition, or numbered as a last resort. */
  private String uniqueVariant(String base, int number, boolean chinese) {
    for (int year = 2025; year >= 2019; year--) {
      String candidate = chinese ? base + " " + year + "款" : base + " (" + year + " Edition)";
      if (names.add(candidate)) {
        return candidate;
      }
    }
    String candidate = base + " #" + number;
    names.add(candidate);
    return candidate;
  }

  private String model(DemoKind kind) {
    int n = kind.modelMin + rng.nextInt(kind.modelMax - kind.modelMin + 1);
    return pick(kind.models).replace("{n}", Integer.toString(n));
  }

  private static String brandText(BrandDef brand, boolean chinese) {
    if (!chinese) {
      return brand.en();
    }
    // A Latin brand name is followed by a space before Chinese words.
    return brand.zh() != null ? brand.zh() : brand.en() + " ";
  }

  private static String text(Term term, boolean chinese) {
    return term == null ? "" : term.text(chinese);
  }

  // -------------------------------------------------------------- description

  private String description(DemoKind kind, BrandDef brand, Term noun, List<Term> features,
      boolean chinese) {
    String template = pick(chinese ? kind.zhDescriptions : kind.enDescriptions);
    String f1 = features.get(0).text(chinese);
    return fill(template, Map.of(
        "brand", brandText(brand, chinese),
        "noun", noun.text(chinese),
        "f1", f1,
        "F1", capitalize(f1),
        "f2", features.get(1).text(chinese),
        "f3", features.get(2).text(chinese),
        "closing", pick(DemoVocabulary.CLOSINGS).text(chinese)));
  }

  // ------------------------------------------------------------------ details

  private JsonObject details(DemoKind kind, DemoCategory category, BrandDef brand, Term noun,
      String name, String description, List<Term> features, String model, String shortLabel,
      boolean chinese) {
    List<String> highlights = new ArrayList<>();
    int highlightCount = Math.min(features.size(), 3 + rng.nextInt(2));
    for (int i = 0; i < highlightCount; i++) {
      highlights.add(capitalize(features.get(i).text(chinese)));
    }
    JsonObject details = new JsonObject()
        .put("longDescription", longDescription(name, description, highlights, chinese))
        .put("specifications", specifications(kind.specsFor(noun), brand));
    if (rng.nextBoolean()) {
      details.put("attributeGroups", attributeGroups(category, brand, model));
    }
    JsonArray contents = new JsonArray();
    for (String item : kind.contents) {
      contents.add("1 × " + item.replace("{item}", shortLabel));
    }
    details.put("packageContents", contents);
    return details;
  }

  private JsonObject longDescription(String name, String description, List<String> highlights,
      boolean chinese) {
    String heading = chinese ? "产品亮点" : "Highlights";
    StringBuilder content = new StringBuilder();
    if (rng.nextBoolean()) {
      content.append("## ").append(name).append("\n\n").append(description).append("\n\n### ")
          .append(heading).append("\n\n");
      for (String h : highlights) {
        content.append("- ").append(h).append('\n');
      }
      return new JsonObject().put("format", "markdown").put("content", content.toString());
    }
    content.append("<h2>").append(html(name)).append("</h2><p>").append(html(description))
        .append("</p><h3>").append(heading).append("</h3><ul>");
    for (String h : highlights) {
      content.append("<li>").append(html(h)).append("</li>");
    }
    content.append("</ul>");
    return new JsonObject().put("format", "html").put("content", content.toString());
  }

  /** The brand, then 3 to 7 of the noun's specifications in their order: 4 to 8 rows. */
  private JsonArray specifications(List<Spec> specs, BrandDef brand) {
    JsonArray rows = new JsonArray().add(row("Brand", brand.name()));
    int wanted = Math.min(specs.size(), 3 + rng.nextInt(5));
    for (int index : sample(specs.size(), wanted)) {
      Spec spec = specs.get(index);
      rows.add(row(spec.name(), pick(spec.values())));
    }
    return rows;
  }

  private JsonArray attributeGroups(DemoCategory category, BrandDef brand, String model) {
    String modelCode =
        model != null ? model : initials(brand.en()) + "-" + (1000 + rng.nextInt(9000));
    String categoryName = category.name().split(" / ")[0];
    JsonArray general = new JsonArray()
        .add(row("Brand", brand.name()))
        .add(row("Model", modelCode))
        .add(row("Category", categoryName));
    JsonArray service = new JsonArray()
        .add(row("Shipping", rng.nextBoolean() ? "Ships within 24 hours" : "Ships within 48 hours"))
        .add(row("Returns", rng.nextBoolean() ? "7-day returns" : "15-day returns"));
    return new JsonArray()
        .add(new JsonObject().put("name", "General").put("attributes", general))
        .add(new JsonObject().put("name", "Service").put("attributes", service));
  }

  private static JsonObject row(String name, String value) {
    return new JsonObject().put("name", name).put("value", value);
  }

  // --------------------------------------------------------------------- SKUs

  private List<DemoSku> skus(int number, DemoKind kind, Term noun, int count) {
    double basePrice = logUniform(kind.minPrice, kind.maxPrice) * noun.factor();
    double baseWeight = (kind.minWeight + rng.nextDouble() * (kind.maxWeight - kind.minWeight))
        * noun.factor();
    double discount = rng.nextInt(100) < DISCOUNTED_PERCENT ? 1.1 + 0.4 * rng.nextDouble() : 0;
    List<DemoSku> skus = new ArrayList<>(count);
    List<List<DimValue>> combinations = combinations(kind.dims, count);
    for (int j = 0; j < combinations.size(); j++) {
      Map<String, String> attributes = new LinkedHashMap<>();
      double priceFactor = 1;
      double weightFactor = 1;
      for (int d = 0; d < kind.dims.size(); d++) {
        DimValue value = combinations.get(j).get(d);
        attributes.put(kind.dims.get(d).name(), value.label());
        priceFactor *= value.priceFactor();
        weightFactor *= value.weightFactor();
      }
      BigDecimal price = retailPrice(basePrice * priceFactor);
      BigDecimal originalPrice = discount > 0 ? retailPrice(price.doubleValue() * discount) : null;
      BigDecimal weight = BigDecimal.valueOf(Math.max(0.001, baseWeight * weightFactor))
          .setScale(3, RoundingMode.HALF_UP);
      int stock = rng.nextInt(100) < OUT_OF_STOCK_PERCENT ? 0 : 1 + rng.nextInt(500);
      String code = String.format(Locale.ROOT, "DM-%06d-%02d", number, j + 1);
      skus.add(new DemoSku(code, Collections.unmodifiableMap(attributes), price, originalPrice,
          weight, stock));
    }
    return skus;
  }

  /**
   * {@code count} distinct attribute combinations: a few values of each attribute (as few as give
   * enough combinations, e.g. 2 colours × 2 sizes for 4 SKUs), then {@code count} of their
   * combinations, in attribute-value order.
   */
  private List<List<DimValue>> combinations(List<Dim> dims, int count) {
    int[] take = new int[dims.size()];
    Arrays.fill(take, 1);
    while (product(take) < count) {
      int best = -1;
      for (int d = 0; d < dims.size(); d++) {
        int size = dims.get(d).values().size();
        if (take[d] < size && (best < 0
            || (double) take[d] / size < (double) take[best] / dims.get(best).values().size())) {
          best = d;
        }
      }
      take[best]++;
    }
    List<List<DimValue>> chosen = new ArrayList<>();
    for (int d = 0; d < dims.size(); d++) {
      List<DimValue> values = new ArrayList<>();
      for (int index : sample(dims.get(d).values().size(), take[d])) {
        values.add(dims.get(d).values().get(index));
      }
      chosen.add(values);
    }
    List<List<DimValue>> all = new ArrayList<>();
    all.add(List.of());
    for (List<DimValue> values : chosen) {
      List<List<DimValue>> next = new ArrayList<>();
      for (List<DimValue> prefix : all) {
        for (DimValue value : values) {
          List<DimValue> combination = new ArrayList<>(prefix);
          combination.add(value);
          next.add(combination);
        }
      }
      all = next;
    }
    List<Integer> picked = sample(all.size(), count);
    List<List<DimValue>> result = new ArrayList<>(count);
    for (int index : picked) {
      result.add(all.get(index));
    }
    return result;
  }

  private static int product(int[] values) {
    int p = 1;
    for (int v : values) {
      p *= v;
    }
    return p;
  }

  /**
   * A shop-like price at or above {@code raw}: 12.90, 39.90, 129.00, 349.00, 1299.00, 10999.00.
   */
  static BigDecimal retailPrice(double raw) {
    long cents = (long) Math.ceil(raw * 100 - 1e-6);
    long unit;
    long ending;
    if (raw < 30) {
      unit = 100;
      ending = 90;
    } else if (raw < 100) {
      unit = 500;
      ending = 490;
    } else if (raw < 300) {
      unit = 1_000;
      ending = 900;
    } else if (raw < 1_000) {
      unit = 5_000;
      ending = 4_900;
    } else if (raw < 10_000) {
      unit = 10_000;
      ending = 9_900;
    } else {
      unit = 100_000;
      ending = 99_900;
    }
    long steps = Math.max(0, -Math.floorDiv(-(cents - ending), unit));
    return BigDecimal.valueOf(steps * unit + ending, 2);
  }

  // -------------------------------------------------------------- image label

  private static String imageLabel(DemoKind kind, BrandDef brand, Term noun, Term adjective,
      String model, String shortLabel) {
    List<String> candidates = new ArrayList<>();
    if (kind.labelTemplate != null) {
      candidates.add(fill(kind.labelTemplate, Map.of(
          "brand", brand.en(), "noun", noun.en(), "adj", text(adjective, false),
          "model", model == null ? "" : model)));
    }
    if (model != null) {
      candidates.add(brand.en() + " " + model);
    }
    candidates.add(brand.en() + " " + shortLabel);
    candidates.add(shortLabel);
    candidates.add(brand.en());
    for (String candidate : candidates) {
      if (!candidate.isEmpty() && candidate.length() <= MAX_LABEL_LENGTH) {
        return candidate;
      }
    }
    return brand.en().substring(0, Math.min(MAX_LABEL_LENGTH, brand.en().length()));
  }

  // ------------------------------------------------------------------ helpers

  private <T> T pick(List<T> values) {
    return values.get(rng.nextInt(values.size()));
  }

  private <T> T pickOrNull(List<T> values) {
    return values.isEmpty() ? null : pick(values);
  }

  /** {@code k} distinct indexes below {@code n}, ascending. */
  private List<Integer> sample(int n, int k) {
    List<Integer> indexes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      indexes.add(i);
    }
    Collections.shuffle(indexes, rng);
    List<Integer> chosen = new ArrayList<>(indexes.subList(0, k));
    Collections.sort(chosen);
    return chosen;
  }

  private double logUniform(double min, double max) {
    return Math.exp(Math.log(min) + rng.nextDouble() * (Math.log(max) - Math.log(min)));
  }

  /** Replaces {@code {key}} placeholders and tidies the spaces left by empty values. */
  static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close > 0 && values.containsKey(template.substring(i + 1, close))) {
        String value = values.get(template.substring(i + 1, close));
        // Latin words that meet (Chinese templates join words without spaces) get one: "4K APS-C".
        if (!value.isEmpty() && out.length() > 0 && isLatinAlphanumeric(out.charAt(out.length() - 1))
            && isLatinAlphanumeric(value.charAt(0))) {
          out.append(' ');
        }
        out.append(value);
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return SPACES.matcher(out).replaceAll(" ").replace(" ,", ",").replace(" )", ")")
        .replace("( ", "(").replace("()", "").trim();
  }

  private static boolean isLatinAlphanumeric(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  static String slugWords(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replace("'", "").replace("&", " and ");
    String slug = EDGE_DASHES.matcher(NON_ALPHANUMERIC.matcher(lower).replaceAll("-")).replaceAll("");
    if (slug.length() > MAX_SLUG_WORDS_LENGTH) {
      slug = slug.substring(0, MAX_SLUG_WORDS_LENGTH);
      int dash = slug.lastIndexOf('-');
      slug = dash > 0 ? slug.substring(0, dash) : slug;
    }
    return slug;
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String initials(String brandName) {
    StringBuilder initials = new StringBuilder();
    for (String word : brandName.split("[^A-Za-z]+")) {
      if (!word.isEmpty()) {
        initials.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    // One-word names give their first two letters: Huarui -> HU.
    return initials.length() > 1 ? initials.toString()
        : brandName.substring(0, 2).toUpperCase(Locale.ROOT);
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
