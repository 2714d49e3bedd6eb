package io.polymart.catalog.demo;

import io.polymart.catalog.demo.DemoKind.Term;
import io.polymart.catalog.demo.DemoVocabularyReader.Vocabulary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed vocabulary of the demo catalog: categories, brands and, per sub-category, a
 * {@link DemoKind} describing its products, read from {@value DemoVocabularyReader#RESOURCE}.
 * {@link DemoCatalogGenerator} draws from it.
 */
final class DemoVocabulary {

  /** A brand and the top-level categories it sells in. {@code zh} is null for Latin-only names. */
  record BrandDef(String slug, String name, String en, String zh, List<String> topCategories) {
    DemoBrand toBrand() {
      return new DemoBrand(slug, name);
    }
  }

  private static final Vocabulary FILE = DemoVocabularyReader.read();
  /** Categories, parents first, then the children of each parent in order. */
  static final List<DemoCategory> CATEGORIES = FILE.categories();
  /** How often products land in each sub-category, relative to 1. */
  static final Map<String, Integer> CATEGORY_WEIGHTS = FILE.categoryWeights();
  static final List<BrandDef> BRANDS = FILE.brands();
  /** Product kinds by sub-category slug, in category order. */
  static final Map<String, DemoKind> KINDS = FILE.kinds();
  /** Closing sentences for descriptions. */
  static final List<Term> CLOSINGS = FILE.closings();

  static {
    validate();
  }

  private DemoVocabulary() {}

  // ------------------------------------------------------------------ lookups

  static DemoCategory category(String slug) {
    for (DemoCategory c : CATEGORIES) {
      if (c.slug().equals(slug)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown category " + slug);
  }

  static BrandDef brand(String slug) {
    for (BrandDef b : BRANDS) {
      if (b.slug().equals(slug)) {
        return b;
      }
    }
    throw new IllegalArgumentException("unknown brand " + slug);
  }

  /** Fails fast on inconsistent vocabulary, so a typo shows at class loading, not in the data. */
  private static void validate() {
    Set<String> subSlugs = new HashSet<>();
    for (DemoCategory c : CATEGORIES) {
      if (!c.topLevel()) {
        subSlugs.add(c.slug());
      }
    }
    if (!subSlugs.equals(KINDS.keySet())) {
      throw new IllegalStateException("every sub-category needs exactly one kind");
    }
    for (DemoKind kind : KINDS.values()) {
      String top = category(kind.categorySlug).parentSlug();
      for (String b : kind.brandSlugs) {
        if (!brand(b).topCategories().contains(top)) {
          throw new IllegalStateException(b + " is not tied to " + top + " (" + kind.categorySlug + ")");
        }
      }
      int combinations = kind.dims.stream().mapToInt(d -> d.values().size()).reduce(1, (x, y) -> x * y);
      if (kind.brandSlugs.isEmpty() || kind.nouns.isEmpty() || kind.enTemplates.isEmpty()
          || kind.zhTemplates.isEmpty()
          || kind.contents.isEmpty() || combinations < DemoCatalogGenerator.MAX_SKUS_PER_PRODUCT) {
        throw new IllegalStateException("incomplete kind " + kind.categorySlug);
      }
      Set<String> labels = new HashSet<>();
      for (Term noun : kind.nouns) {
        labels.add(noun.shortLabel());
        if (kind.featuresFor(noun).size() < 3 || kind.specsFor(noun).size() < 3) {
          throw new IllegalStateException("too few features or specs for " + noun.en());
        }
      }
      List<Term> tagged = new ArrayList<>(kind.features);
      tagged.addAll(kind.adjectives);
      tagged.addAll(kind.qualifiers);
      for (Term feature : tagged) {
        if (feature.label() != null && !labels.containsAll(List.of(feature.label().split(",")))) {
          throw new IllegalStateException("word for an unknown noun: " + feature.en());
        }
      }
      for (DemoKind.Spec spec : kind.specs) {
        if (!labels.containsAll(spec.nounLabels())) {
          throw new IllegalStateException("spec for an unknown noun: " + spec.name());
        }
      }
      for (String t : kind.enTemplates) {
        if (t.contains("{model}") && kind.models.isEmpty()) {
          throw new IllegalStateException("template needs models: " + kind.categorySlug);
        }
      }
      for (String t : kind.zhTemplates) {
        if (t.contains("{model}") && kind.models.isEmpty()) {
          throw new IllegalStateException("template needs models: " + kind.categorySlug);
        }
      }
    }
    for (BrandDef b : BRANDS) {
      if (KINDS.values().stream().noneMatch(k -> k.brandSlugs.contains(b.slug()))) {
        throw new IllegalStateException("brand without products: " + b.slug());
      }
    }
  }
}
