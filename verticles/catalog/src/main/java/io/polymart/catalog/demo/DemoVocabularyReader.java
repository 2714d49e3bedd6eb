package io.polymart.catalog.demo;

import io.polymart.catalog.demo.DemoKind.Dim;
import io.polymart.catalog.demo.DemoKind.Term;
import io.polymart.catalog.demo.DemoVocabulary.BrandDef;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the demo vocabulary from its resource file ({@code demo/vocabulary.json}). Words keep the compact
 * notations {@link DemoKind} documents ({@code "english|中文|Label|factor"}, {@code "value:price:weight"},
 * {@code "Name=one|two@Label"}), so the file reads like the lists it holds.
 */
final class DemoVocabularyReader {
  static final String RESOURCE = "demo/vocabulary.json";

  /** Everything the generator draws from, as read. */
  record Vocabulary(List<DemoCategory> categories, Map<String, Integer> categoryWeights, List<BrandDef> brands,
      Map<String, DemoKind> kinds, List<Term> closings) {
  }

  private DemoVocabularyReader() {
  }

  static Vocabulary read() {
    try (InputStream in = DemoVocabularyReader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      return parse(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Vocabulary parse(JsonObject json) {
    List<DemoCategory> tops = new ArrayList<>();
    List<DemoCategory> subs = new ArrayList<>();
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (JsonObject top : objects(json.getJsonArray("categories"))) {
      tops.add(new DemoCategory(top.getString("slug"), top.getString("name"), null, (tops.size() + 1) * 10));
      int order = 0;
      for (JsonObject child : objects(top.getJsonArray("children"))) {
        subs.add(new DemoCategory(child.getString("slug"), child.getString("name"), top.getString("slug"),
            ++order * 10));
        weights.put(child.getString("slug"), child.getInteger("weight", 1));
      }
    }
    List<DemoCategory> categories = new ArrayList<>(tops);
    categories.addAll(subs);

    List<BrandDef> brands = new ArrayList<>();
    for (JsonObject brand : objects(json.getJsonArray("brands"))) {
      brands.add(brand(brand.getString("slug"), brand.getString("name"), strings(brand.getJsonArray("categories"))));
    }

    JsonObject defaultDescriptions = json.getJsonObject("defaultDescriptionTemplates");
    Map<String, DemoKind> kinds = new LinkedHashMap<>();
    for (JsonObject kind : objects(json.getJsonArray("kinds"))) {
      kinds.put(kind.getString("category"), kind(kind, defaultDescriptions));
    }
    return new Vocabulary(List.copyOf(categories), Collections.unmodifiableMap(weights), List.copyOf(brands),
        Collections.unmodifiableMap(kinds), terms(json.getJsonArray("closings")));
  }

  /** A name that starts with Chinese characters is {@code "中文 Latin"}: the brand in each language. */
  private static BrandDef brand(String slug, String name, List<String> topCategories) {
    String en = name;
    String zh = null;
    int space = name.indexOf(' ');
    if (Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.HAN) {
      zh = name.substring(0, space);
      en = name.substring(space + 1);
    }
    return new BrandDef(slug, name, en, zh, topCategories);
  }

  private static DemoKind kind(JsonObject json, JsonObject defaultDescriptions) {
    List<Dim> dims = new ArrayList<>();
    JsonObject attributes = json.getJsonObject("attributes");
    for (String name : attributes.fieldNames()) {
      dims.add(Dim.of(name, strings(attributes.getJsonArray(name)).toArray(String[]::new)));
    }
    JsonObject models = json.getJsonObject("models");
    JsonObject names = json.getJsonObject("nameTemplates");
    JsonObject descriptions = json.getJsonObject("descriptionTemplates", defaultDescriptions);
    JsonArray price = json.getJsonArray("price");
    JsonArray weight = json.getJsonArray("weight");
    return DemoKind.of(json.getString("category"))
        .price(price.getDouble(0), price.getDouble(1))
        .weight(weight.getDouble(0), weight.getDouble(1))
        .attrs(dims.toArray(Dim[]::new))
        .models(models.getInteger("min"), models.getInteger("max"), array(models.getJsonArray("names")))
        .nouns(array(json.getJsonArray("nouns")))
        .adjectives(array(json.getJsonArray("adjectives")))
        .qualifiers(array(json.getJsonArray("qualifiers")))
        .en(array(names.getJsonArray("en")))
        .zh(array(names.getJsonArray("zh")))
        .descriptions(strings(descriptions.getJsonArray("en")), strings(descriptions.getJsonArray("zh")))
        .label(json.getString("labelTemplate"))
        .features(array(json.getJsonArray("features")))
        .specs(array(json.getJsonArray("specs")))
        .contents(array(json.getJsonArray("contents")))
        .brands(array(json.getJsonArray("brands")));
  }

  private static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> objects = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      objects.add(array.getJsonObject(i));
    }
    return objects;
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      strings.add(array.getString(i));
    }
    return List.copyOf(strings);
  }

  private static String[] array(JsonArray array) {
    return strings(array).toArray(String[]::new);
  }

  private static List<Term> terms(JsonArray array) {
    return strings(array).stream().map(Term::parse).toList();
  }
}
