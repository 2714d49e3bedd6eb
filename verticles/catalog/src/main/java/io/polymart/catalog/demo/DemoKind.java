package io.polymart.catalog.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the products of one sub-category look like: the words their names are built from, price
 * and weight ranges, SKU attributes, features, specifications and package contents.
 *
 * <p>Configured once with the fluent methods by {@link DemoVocabularyReader} and only read afterwards.
 *
 * <p>Bilingual words are written {@code "english|中文"}; nouns may add a short Latin label for the
 * product picture and a factor applied to price and weight: {@code "english|中文|Label|2.5"}.
 * Adjectives, qualifiers and features may name the noun labels they fit
 * ({@code "english|中文|Label,Other Label"}), and so may specifications
 * ({@code "Name=value|other value@Label,Other Label"}); without labels they fit every noun. Name templates use
 * {@code {brand} {model} {adj} {noun} {qual}}; description templates use {@code {brand} {noun} {f1} {f2} {f3} {F1} (capitalised) {closing}}.
 */
final class DemoKind {

  /**
   * One word or phrase in both languages. For nouns {@code label} is the picture label, for other
   * words the comma-separated noun labels the word fits (null: all).
   */
  record Term(String en, String zh, String label, double factor) {
    static Term parse(String spec) {
      String[] p = spec.split("\\|", -1);
      if (p.length < 2) {
        throw new IllegalArgumentException("expected english|中文: " + spec);
      }
      String label = p.length > 2 && !p[2].isEmpty() ? p[2] : null;
      double factor = p.length > 3 ? Double.parseDouble(p[3]) : 1.0;
      return new Term(p[0], p[1], label, factor);
    }

    String text(boolean chinese) {
      return chinese ? zh : en;
    }

    /** A noun's short Latin label: its own label, else its English text. */
    String shortLabel() {
      return label != null ? label : en;
    }

    /** Whether this adjective, qualifier or feature fits a noun. */
    boolean fits(Term noun) {
      return label == null || List.of(label.split(",")).contains(noun.shortLabel());
    }
  }

  /** One value of a SKU attribute, with the factors it applies to the SKU's price and weight. */
  record DimValue(String label, double priceFactor, double weightFactor) {}

  /** A SKU attribute (e.g. color) and the values a product may offer. */
  record Dim(String name, List<DimValue> values) {
    /** Values written {@code "label"}, {@code "label:priceFactor"} or {@code "label:price:weight"}. */
    static Dim of(String name, String... values) {
      List<DimValue> list = new ArrayList<>();
      for (String v : values) {
        String[] p = v.split(":");
        double price = p.length > 1 ? Double.parseDouble(p[1]) : 1.0;
        double weight = p.length > 2 ? Double.parseDouble(p[2]) : 1.0;
        list.add(new DimValue(p[0], price, weight));
      }
      return new Dim(name, List.copyOf(list));
    }
  }

  /** A specification row, the values it may take and the noun labels it fits (empty: all). */
  record Spec(String name, List<String> values, List<String> nounLabels) {
    /** Written {@code "Name=value one|value two"} or {@code "Name=value@Label,Other Label"}. */
    static Spec parse(String spec) {
      int eq = spec.indexOf('=');
      int at = spec.indexOf('@');
      String values = spec.substring(eq + 1, at < 0 ? spec.length() : at);
      List<String> labels = at < 0 ? List.of() : List.of(spec.substring(at + 1).split(","));
      return new Spec(spec.substring(0, eq), List.of(values.split("\\|")), labels);
    }

    boolean fits(Term noun) {
      return nounLabels.isEmpty() || nounLabels.contains(noun.shortLabel());
    }
  }

  final String categorySlug;
  double minPrice;
  double maxPrice;
  double minWeight;
  double maxWeight;
  List<Dim> dims = List.of();
  List<String> models = List.of();
  int modelMin = 2;
  int modelMax = 15;
  List<Term> nouns = List.of();
  List<Term> adjectives = List.of();
  List<Term> qualifiers = List.of();
  List<String> enTemplates = List.of();
  List<String> zhTemplates = List.of();
  List<String> enDescriptions = List.of();
  List<String> zhDescriptions = List.of();
  /** Template for the picture label, filled with English words; null: brand plus model or noun. */
  String labelTemplate;
  List<Term> features = List.of();
  List<Spec> specs = List.of();
  List<String> contents = List.of();
  List<String> brandSlugs = List.of();

  List<Term> adjectivesFor(Term noun) {
    return fitting(adjectives, noun);
  }

  List<Term> qualifiersFor(Term noun) {
    return fitting(qualifiers, noun);
  }

  List<Term> featuresFor(Term noun) {
    return fitting(features, noun);
  }

  private static List<Term> fitting(List<Term> words, Term noun) {
    return words.stream().filter(w -> w.fits(noun)).toList();
  }

  List<Spec> specsFor(Term noun) {
    return specs.stream().filter(s -> s.fits(noun)).toList();
  }

  private DemoKind(String categorySlug) {
    this.categorySlug = categorySlug;
  }

  static DemoKind of(String categorySlug) {
    return new DemoKind(categorySlug);
  }

  DemoKind price(double min, double max) {
    this.minPrice = min;
    this.maxPrice = max;
    return this;
  }

  DemoKind weight(double minKg, double maxKg) {
    this.minWeight = minKg;
    this.maxWeight = maxKg;
    return this;
  }

  DemoKind attrs(Dim... dims) {
    this.dims = List.of(dims);
    return this;
  }

  /** Model names; {@code {n}} becomes a number between min and max. */
  DemoKind models(int min, int max, String... models) {
    this.modelMin = min;
    this.modelMax = max;
    this.models = List.of(models);
    return this;
  }

  DemoKind nouns(String... terms) {
    this.nouns = terms(terms);
    return this;
  }

  DemoKind adjectives(String... terms) {
    this.adjectives = terms(terms);
    return this;
  }

  DemoKind qualifiers(String... terms) {
    this.qualifiers = terms(terms);
    return this;
  }

  DemoKind en(String... templates) {
    this.enTemplates = List.of(templates);
    return this;
  }

  DemoKind zh(String... templates) {
    this.zhTemplates = List.of(templates);
    return this;
  }

  DemoKind descriptions(List<String> en, List<String> zh) {
    this.enDescriptions = en;
    this.zhDescriptions = zh;
    return this;
  }

  DemoKind label(String template) {
    this.labelTemplate = template;
    return this;
  }

  DemoKind features(String... terms) {
    this.features = terms(terms);
    return this;
  }

  DemoKind specs(String... specs) {
    this.specs = Arrays.stream(specs).map(Spec::parse).toList();
    return this;
  }

  /** Package contents; {@code {item}} stands for the product's short label. */
  DemoKind contents(String... items) {
    this.contents = List.of(items);
    return this;
  }

  DemoKind brands(String... slugs) {
    this.brandSlugs = List.of(slugs);
    return this;
  }

  private static List<Term> terms(String... specs) {
    return Arrays.stream(specs).map(Term::parse).toList();
  }
}
